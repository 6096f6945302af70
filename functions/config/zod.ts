/**
 * zod for everything that runs in a Lambda: `zod/mini`, whose functional API (`z.optional(s)`,
 * `s.check(z.minLength(1))`) lets the bundler keep only the schemas and checks in use, where classic
 * zod's methods pull all of it into every bundle (95 KB and ~10 ms of a cold start; npm run bench:bundles).
 * Same core, same parsing and JSON Schema; messages in English as classic zod gives them.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

z.config(en());

export * from 'zod/mini';
