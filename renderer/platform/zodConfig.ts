// zod's settings for the console, in zod's own chunk (renderer/vite.config.ts), so they run before any
// schema is built or parses; the modules that load schemas lazily import it too (renderer/db/recordSchemas.ts,
// renderer/platform/bridgeValidation.ts). zod 4 would otherwise probe once whether `new Function` is allowed
// (to compile faster parsers). The console's CSP has no 'unsafe-eval', so the probe is refused and reported as
// a violation on every start. Jitless parsing is the same parsing.
import { z } from 'zod';

z.config({ jitless: true });
