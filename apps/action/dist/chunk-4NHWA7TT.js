import { createRequire as __c66CreateRequire } from 'node:module';
const require = __c66CreateRequire(import.meta.url);
var d=Object.defineProperty;var e=(c,a)=>{for(var b in a)d(c,b,{get:a[b],enumerable:!0})};export{e as a};
