#!/usr/bin/env node
// Which sources make up the first screen's JavaScript (docs/ARCHITECTURE.md, "Loading"): reads the chunks
// tests/bundle/firstScreenBudget.mjs counts, walks each chunk's source map and gives every byte of generated
// code to the source its mapping names, then prints the totals grouped by npm package or project folder.
//   node scripts/bundle-attribution.mjs [dist/renderer] [--all] [--depth N] [--top N]
//     --all      every .js chunk of the build, not only the first screen's
//     --depth N  project folders grouped to N segments (default 2: renderer/db, shared/domain …)
//     --files    group by source file instead of package / folder
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMapConsumer } from 'source-map-js';
import { firstScreenChunks } from '../tests/bundle/firstScreenBudget.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const positional = args.filter((arg, i) => !arg.startsWith('--') && !/^--(depth|top)$/.test(args[i - 1] ?? ''));
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = resolve(root, positional[0] ?? 'dist/renderer');
const depth = option('--depth', 2);
const top = option('--top', 40);

const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error(`${manifestPath} is missing: build the renderer first (npm run build:renderer).`);
  process.exit(1);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const keys = flag('--all')
  ? Object.keys(manifest).filter((key) => manifest[key].file.endsWith('.js'))
  : firstScreenChunks(manifest);

function groupOf(source) {
  const path = source.replace(/\\/g, '/').replace(/^(\.\.\/)+/, '');
  if (flag('--files')) return path.replace(/^.*node_modules\//, 'node_modules/');
  const inModules = path.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const rest = path.slice(inModules + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  return path.split('/').slice(0, depth).join('/');
}

/** Bytes of one chunk per source group; bytes before the first mapping or without a source are 'unmapped'. */
function attribute(file) {
  const code = readFileSync(join(dist, file), 'utf8');
  const mapPath = join(dist, `${file}.map`);
  const totals = new Map();
  const add = (group, bytes) => totals.set(group, (totals.get(group) ?? 0) + bytes);
  if (!existsSync(mapPath)) {
    add('(no source map)', Buffer.byteLength(code));
    return totals;
  }
  // Offsets of each line start, in bytes, so a (line, column) mapping becomes a byte offset.
  const lines = code.split('\n');
  const lineStart = [];
  let offset = 0;
  for (const line of lines) {
    lineStart.push(offset);
    offset += Buffer.byteLength(line) + 1;
  }
  const byteAt = (line, column) => lineStart[line - 1] + Buffer.byteLength(lines[line - 1].slice(0, column));
  const consumer = new SourceMapConsumer(JSON.parse(readFileSync(mapPath, 'utf8')));
  const points = [];
  consumer.eachMapping((m) => points.push([byteAt(m.generatedLine, m.generatedColumn), m.source ? groupOf(m.source) : null]));
  points.sort((a, b) => a[0] - b[0]);
  const size = Buffer.byteLength(code);
  add('(unmapped)', points.length ? points[0][0] : size);
  for (let i = 0; i < points.length; i++) {
    const end = i + 1 < points.length ? points[i + 1][0] : size;
    add(points[i][1] ?? '(unmapped)', end - points[i][0]);
  }
  return totals;
}

const overall = new Map();
const perChunk = [];
for (const key of keys) {
  const file = manifest[key].file;
  const totals = attribute(file);
  perChunk.push([file, totals]);
  for (const [group, bytes] of totals) overall.set(group, (overall.get(group) ?? 0) + bytes);
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`.padStart(10);
const sum = [...overall.values()].reduce((a, b) => a + b, 0);
console.log(`${flag('--all') ? 'all chunks' : 'first screen'}: ${kb(sum).trim()} in ${keys.length} chunks`);
const sorted = [...overall].sort((a, b) => b[1] - a[1]);
for (const [group, bytes] of sorted.slice(0, top)) console.log(`${kb(bytes)}  ${group}`);
if (sorted.length > top) {
  const rest = sorted.slice(top).reduce((a, [, b]) => a + b, 0);
  console.log(`${kb(rest)}  (${sorted.length - top} smaller groups)`);
}
if (flag('--chunks')) {
  for (const [file, totals] of perChunk) {
    const chunkSum = [...totals.values()].reduce((a, b) => a + b, 0);
    const main = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([g, b]) => `${g} ${(b / 1000).toFixed(1)}`);
    console.log(`${kb(chunkSum)}  ${file}: ${main.join(', ')}`);
  }
}
