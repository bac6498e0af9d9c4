#!/usr/bin/env node
// `npm run bench`: builds the console and runs the benchmarks in real Chromium against the SIP lab.
// Figures are printed as lines starting with "BENCH".
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;

if (run('npm', ['run', 'build:renderer']) !== 0) process.exit(1);
const filter = process.argv.slice(2);
process.exit(run('npx', ['playwright', 'test', '-c', 'tests/bench/playwright.config.ts', ...filter]));
