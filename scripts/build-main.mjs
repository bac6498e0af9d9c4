// Bundles the Electron main process and the preload with esbuild (npm run build:main).
//   main/index.ts          → dist/main/index.cjs      (Node, CommonJS; package.json "main")
//   main/preload/preload.ts → dist/preload/preload.cjs (one file: a sandboxed preload can only require('electron'))
// `electron` stays external (it is provided by the runtime); `@shared/*` resolves to shared/.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const production = process.env.NODE_ENV === 'production';

const common = {
  bundle: true,
  format: 'cjs',
  external: ['electron'],
  alias: { '@shared': path.join(root, 'shared') },
  sourcemap: production ? false : 'linked',
  target: 'node22', // Electron 45 ships Node 22
  logLevel: 'info',
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
};

await Promise.all([
  build({
    ...common,
    entryPoints: [path.join(root, 'main/index.ts')],
    outfile: path.join(root, 'dist/main/index.cjs'),
    platform: 'node',
  }),
  build({
    ...common,
    entryPoints: [path.join(root, 'main/preload/preload.ts')],
    outfile: path.join(root, 'dist/preload/preload.cjs'),
    // The sandboxed preload has no Node: no fs, no path, only require('electron') and web globals.
    platform: 'browser',
    target: 'chrome140',
  }),
]);
