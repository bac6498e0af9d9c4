import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const alias = { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) };

// Three unit-test projects, one per runtime layer: shared/ and main/ run in Node (electron is mocked in
// main's tests), renderer/ runs in jsdom with fake-indexeddb standing in for the browser's IndexedDB.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'shared', include: ['shared/**/*.test.ts'], environment: 'node' } },
      { resolve: { alias }, test: { name: 'main', include: ['main/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'renderer',
          include: ['renderer/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['renderer/test/setup.ts'],
        },
      },
    ],
  },
});
