// Unit tests for the renderer run in jsdom; IndexedDB comes from fake-indexeddb so Dexie works unchanged.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/dom';

// findBy*/waitFor give up after 1 s by default; on a loaded 2-core machine MUI in jsdom can take longer
// to settle, which made screen tests fail on time rather than on behaviour.
configure({ asyncUtilTimeout: 5_000 });
