// Electron main entry, bundled by scripts/build-main.mjs to dist/main/index.cjs (package.json "main").
import path from 'node:path';
import { startApp } from './startApp';

startApp({
  rendererDir: path.join(__dirname, '../renderer'),
  preloadPath: path.join(__dirname, '../preload/preload.cjs'),
  env: process.env,
});
