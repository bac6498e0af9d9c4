// Imported first by renderer/main.tsx, before any schema parses: zod 4 would otherwise probe once whether
// `new Function` is allowed (to compile faster parsers). The console's CSP has no 'unsafe-eval', so the
// probe is refused and reported as a violation on every start. Jitless parsing is the same parsing.
import { z } from 'zod';

z.config({ jitless: true });
