import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

// The renderer is served from app://frontdesk in Electron and from http://127.0.0.1 in tests, so every
// asset URL is relative ('./') and nothing is fetched from outside the bundle.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('../shared', import.meta.url)) } },
  publicDir: fileURLToPath(new URL('../resources/public', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome120',
    // The manifest lets tests/bundle/firstScreenBudget.mjs add up what the first screen loads.
    manifest: true,
    // No single chunk should come near the first screen's 800 KB budget; a warning here means a
    // heavy import slipped into a shared chunk.
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      output: {
        // Heavy libraries get chunks of their own, loaded only by the screens that use them (and
        // cached apart from our code, which changes more often).
        codeSplitting: {
          groups: [
            // zod with the console's zod settings (renderer/platform/zodConfig.ts) in one chunk: zod probes for
            // eval when a schema is built, so the jitless setting must run before any module that builds
            // one, and a chunk runs before the chunks that import it.
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|renderer[\\/]platform[\\/]zodConfig\.ts$/, priority: 10 },
            { name: 'sip', test: /node_modules[\\/]sip\.js[\\/]/ },
            { name: 'pinyin', test: /node_modules[\\/]pinyin-pro[\\/]/ },
            { name: 'opencc', test: /node_modules[\\/]opencc-js[\\/]/ },
            // pinyin-pro, opencc-js and libphonenumber-js never reach the first screen: the screens import
            // them, renderer/db loads them through renderer/db/textKeys.ts (docs/ARCHITECTURE.md, "Loading").
            { name: 'libphonenumber', test: /node_modules[\\/]libphonenumber-js[\\/]/ },
            { name: 'qrcode', test: /node_modules[\\/](qrcode|dijkstrajs|pngjs)[\\/]/ },
            { name: 'papaparse', test: /node_modules[\\/]papaparse[\\/]/ },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1' },
});
