import { runCheck } from './check-main.js';

await runCheck();
