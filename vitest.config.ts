import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) };

// Unit-test projects, one per runtime layer (plus the lint rules' own tests): shared/ and main/ run in Node (electron is mocked in
// main's tests), renderer/ runs in jsdom with fake-indexeddb standing in for the browser's IndexedDB.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'shared', include: ['shared/**/*.test.ts'], environment: 'node' } },
      { resolve: { alias }, test: { name: 'main', include: ['main/**/*.test.ts'], environment: 'node' } },
      // The lint config's own tests (the layer rules bite, and only where they should).
      { resolve: { alias }, test: { name: 'tooling', include: ['tests/lint/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        resolve: { alias },
        test: {
          name: 'renderer',
          include: ['renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['renderer/test/setup.ts'],
          // The screen tests type and click through whole forms in jsdom (about 2.5 s at most here); on a
          // loaded two-core CI machine the default 5 s is too close to that.
          testTimeout: 20_000,
        },
      },
    ],
  },
});
