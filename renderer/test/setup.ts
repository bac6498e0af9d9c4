// Unit tests for the renderer run in jsdom; IndexedDB comes from fake-indexeddb so Dexie works unchanged.
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
