// ESLint flat config. Besides the usual TypeScript rules it keeps the runtime layers apart
// (docs/ARCHITECTURE.md, "Layers and who may import whom"): shared/ is plain TypeScript, main/ is Node + Electron, renderer/ is the DOM.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const browserGlobals = Object.keys(globals.browser).filter((name) => !(name in globals.es2021));
const nodeOnlyGlobals = ['process', 'require', 'Buffer', '__dirname', '__filename', 'global', 'module'];

const rendererBans = {
  paths: [...nodeBuiltins, 'electron'].map((name) => ({
    name, message: 'renderer/ reaches Node and Electron only through the bridge (renderer/platform).',
  })),
  patterns: [{ group: ['**/main/**', '!**/renderer/**/main/**'], message: 'renderer/ never imports main/.' }],
};

/** One renderer layer: the files, the renderer folders they must not import, and extra patterns. */
function rendererLayer(files, forbidden, message, extraPatterns = []) {
  const folderPatterns = forbidden.map((folder) => ({
    regex: `^(\\.{1,2}/)+(${folder})(/.*)?$`,
    message,
  }));
  return [{
    files,
    ignores: ['renderer/**/*.test.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: rendererBans.paths,
        patterns: [...rendererBans.patterns, ...folderPatterns, ...extraPatterns],
      }],
    },
  }];
}

// The one write path (renderer/db/writePath.ts): only renderer/db/ writes to Dexie tables or opens a
// transaction, so stamping, validation and the audit entry (and later permissions and replication) cannot
// be skipped. Caught: db.<table>.<write>(), this.db.<table>.<write>(), db.table('x').<write>(),
// db.<table>.where(…).modify()/delete() and db.transaction().
const DEXIE_WRITES = '/^(add|put|bulkAdd|bulkPut|update|delete|modify|bulkDelete|bulkUpdate|clear)$/';
const COLLECTION_STEPS = '/^(where|filter|toCollection|orderBy|reverse|limit|offset|distinct|equals|equalsIgnoreCase|anyOf|noneOf|between|above|aboveOrEqual|below|belowOrEqual|startsWith|startsWithAnyOf|and|or)$/';
const WRITE_PATH_MESSAGE = 'Only renderer/db/ writes to Dexie: call a repository method (which uses renderer/db/writePath.ts).';
const writePathRule = ['error',
  ...['db', 'database'].flatMap((name) => [
    { selector: `CallExpression[callee.property.name=${DEXIE_WRITES}][callee.object.type='MemberExpression'][callee.object.object.name='${name}']`, message: WRITE_PATH_MESSAGE },
    { selector: `CallExpression[callee.property.name=${DEXIE_WRITES}][callee.object.type='MemberExpression'][callee.object.object.property.name='${name}']`, message: WRITE_PATH_MESSAGE },
    { selector: `CallExpression[callee.property.name='transaction'][callee.object.name='${name}']`, message: 'Only renderer/db/ opens Dexie transactions: a repository method does it for you.' },
    { selector: `CallExpression[callee.property.name='transaction'][callee.object.property.name='${name}']`, message: 'Only renderer/db/ opens Dexie transactions: a repository method does it for you.' },
  ]),
  { selector: `CallExpression[callee.property.name=${DEXIE_WRITES}][callee.object.type='CallExpression'][callee.object.callee.property.name=/^(table|typedTable)$/]`, message: WRITE_PATH_MESSAGE },
  { selector: `CallExpression[callee.property.name=/^(modify|delete)$/][callee.object.type='CallExpression'][callee.object.callee.property.name=${COLLECTION_STEPS}]`, message: WRITE_PATH_MESSAGE },
];

// Dates and times are typed in the console's language (year first, 24-hour in Chinese), so no screen uses the
// browser's native date/time input, whose format follows the operating system: renderer/ui/dates/DateTimeFields.tsx.
const NATIVE_DATE_MESSAGE = 'Use AppDateField / AppTimeField (renderer/ui/dates/DateTimeFields.tsx), not a native date or time input.';
const nativeDateInputs = [
  { selector: "JSXAttribute[name.name='type'][value.value=/^(date|time|datetime-local|month|week)$/]", message: NATIVE_DATE_MESSAGE },
  { selector: "JSXAttribute[name.name='type'] > JSXExpressionContainer > Literal[value=/^(date|time|datetime-local|month|week)$/]", message: NATIVE_DATE_MESSAGE },
];

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', '.tsbuild/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'tests/.reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // shared/: no DOM, no Node, no Electron, no UI or storage libraries.
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'dexie', 'sip.js'].map((name) => ({
          name, message: 'shared/ is plain TypeScript: no Node, Electron, DOM or UI imports.',
        })),
        patterns: [
          { group: ['**/main/**', '**/renderer/**', '@mui/*'], message: 'shared/ must not import main/, renderer/ or UI code.' },
        ],
      }],
      'no-restricted-globals': ['error', ...[...browserGlobals.filter((g) => !['console', 'crypto', 'TextEncoder', 'TextDecoder', 'setTimeout', 'clearTimeout', 'URL', 'URLSearchParams', 'queueMicrotask', 'structuredClone', 'AbortController', 'AbortSignal'].includes(g)), ...nodeOnlyGlobals].map((name) => ({
        name, message: 'shared/ runs in every layer: no DOM or Node globals.',
      }))],
    },
  },
  {
    // renderer/: the DOM; never Electron, Node or main/.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins, 'electron'].map((name) => ({
          name, message: 'renderer/ reaches Node and Electron only through the bridge (renderer/platform).',
        })),
        patterns: [{ group: ['**/main/**', '!**/renderer/**/main/**'], message: 'renderer/ never imports main/.' }],
      }],
    },
  },
  // Layers inside the renderer (docs/ARCHITECTURE.md, "Layers"), lowest first:
  //   platform, i18n core → db, phone → ui → features/<name> → app (the shell) and main.tsx.
  // A layer imports only layers below it; a feature imports another feature only through its index.ts.
  // Each block repeats the Node/Electron/main ban because a later no-restricted-imports replaces an earlier one.
  ...rendererLayer(['renderer/platform/**/*.{ts,tsx}', 'renderer/i18n/**/*.{ts,tsx}'], ['app', 'features', 'ui', 'db', 'phone'],
    'platform/ and i18n/ are the bottom of the renderer: they import only shared/.'),
  ...rendererLayer(['renderer/db/**/*.{ts,tsx}'], ['app', 'features', 'ui', 'phone', 'i18n'],
    'db/ imports only platform/ and shared/: no screens, toolkit, phone or UI strings.'),
  ...rendererLayer(['renderer/phone/**/*.{ts,tsx}'], ['app', 'features', 'ui', 'i18n'],
    'phone/ imports only db/, platform/ and shared/: the shell turns its outcomes into screens and strings.'),
  ...rendererLayer(['renderer/ui/**/*.{ts,tsx}'], ['app', 'features', 'db', 'phone'],
    'ui/ is the toolkit: it imports platform/, i18n/ and shared/, never data, phone or screens.'),
  ...rendererLayer(['renderer/features/**/*.{ts,tsx}'], ['app'],
    'features import ui/, db/, phone/, platform/, i18n/ and shared/, never the shell (app/).', [
      { regex: '^\\.\\./(?!\\.)[^/]+/.+', message: 'Import another feature only through its index.ts (../<feature>).' },
      { regex: '(^|/)features/[^/]+/.+', message: 'Import another feature only through its index.ts.' },
    ]),
  {
    // The write path: everywhere in the renderer except renderer/db/ itself (tests included).
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/db/**', 'renderer/vite.config.ts'],
    rules: { 'no-restricted-syntax': [...writePathRule, ...nativeDateInputs] },
  },
  {
    // Unit tests of the renderer may use Node helpers (reading fixtures).
    files: ['renderer/**/*.test.{ts,tsx}', 'renderer/test/**'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // main/: Node and Electron; never renderer/ or UI libraries.
    files: ['main/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: ['react', 'react-dom', 'dexie', 'sip.js'].map((name) => ({ name, message: 'main/ holds no UI, database or phone code.' })),
        patterns: [{ group: ['**/renderer/**', '@mui/*'], message: 'main/ never imports renderer/.' }],
      }],
    },
  },
  {
    files: ['tests/**/*.{ts,mjs,js}', 'scripts/**/*.{mjs,js}', '*.config.{ts,js}', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
