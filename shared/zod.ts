import { z } from 'zod';

// zod compiles object parsers with `new Function` unless told not to. An extension page's CSP forbids
// eval, and even the probe zod makes to find out is reported as a CSP violation, so every shared module
// imports z from here, where the JIT is off before any schema is built.
z.config({ jitless: true });

export { z };
