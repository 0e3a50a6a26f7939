import { en } from 'zod/locales';
import { config } from 'zod/mini';

// zod/mini rather than zod: the same parser, but functions instead of methods, so a bundle
// keeps only the checks the schemas use (the action's bundle carried all of zod's ~375 KiB,
// its locales and JSON Schema conversion included). The schemas use zod through this
// module (`import * as z from './zod.js'`), which names what it passes on: `export *` of
// an external package would make the namespace a runtime object and keep all of zod again.
// zod/mini loads no locale by itself; English gives the issues zod's wording, which
// ResponseValidationError lists.
config(en());

export {
  array,
  boolean,
  catch,
  int,
  iso,
  looseObject,
  nullable,
  nullish,
  number,
  pipe,
  string,
  transform,
} from 'zod/mini';
