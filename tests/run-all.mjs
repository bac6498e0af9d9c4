#!/usr/bin/env node
// `npm test`: every suite of the test pyramid, one after the other, then one totals line.
// Type check and lint → unit (vitest) → build → end to end in Chromium (Playwright) → SIP lab → Electron smoke.
// Totals are read from each runner's JSON report, never from its console summary.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = join(root, 'tests', '.reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function run(label, command, args) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  console.log(`=== ${label}: exit ${result.status ?? result.signal} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(join(reports, file), 'utf8'));
  } catch {
    return null;
  }
}

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function countVitest(file, label, exitedOk) {
  const report = readJson(file);
  if (!report) {
    totals.failed += 1;
    problems.push(`${label}: no JSON report`);
    return;
  }
  totals.passed += report.numPassedTests ?? 0;
  totals.failed += report.numFailedTests ?? 0;
  totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A suite that failed to load has no failing test but still fails the run.
  const brokenFiles = (report.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).every((a) => a.status !== 'failed'));
  for (const f of brokenFiles) {
    totals.failed += 1;
    problems.push(`${label}: ${f.name} failed to run: ${(f.message ?? '').split('\n')[0]}`);
  }
  if (!exitedOk && report.numFailedTests === 0 && brokenFiles.length === 0) {
    totals.failed += 1;
    problems.push(`${label}: runner exited with an error`);
  }
}

function countPlaywright(file, label, exitedOk) {
  const report = readJson(file);
  if (!report?.stats) {
    totals.failed += 1;
    problems.push(`${label}: no JSON report`);
    return;
  }
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  totals.passed += expected + flaky;
  totals.failed += unexpected;
  totals.skipped += skipped;
  for (const error of report.errors ?? []) {
    totals.failed += 1;
    problems.push(`${label}: ${String(error.message ?? error).split('\n')[0]}`);
  }
  if (!exitedOk && unexpected === 0 && (report.errors ?? []).length === 0) {
    totals.failed += 1;
    problems.push(`${label}: runner exited with an error`);
  }
}

// Static checks count as one test each: the type check (strict) and ESLint, whose rules keep the
// layers apart (shared/ imports no DOM/Node/Electron; renderer/ never main/; main/ never renderer/).
for (const [label, args] of [
  ['typecheck', ['tsc', '-b']],
  ['lint', ['eslint', '.', '--max-warnings=0']],
]) {
  if (run(label, npx, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    problems.push(`${label} failed`);
  }
}

const unitOk = run('unit', npx, ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${join(reports, 'unit.json')}`]);
countVitest('unit.json', 'unit', unitOk);

// The first screen's JavaScript budget (800 kB, tests/bundle/firstScreenBudget.mjs), counted as one
// test once the build is there. While a known blocker keeps it over budget, an over-budget result is
// counted as skipped with that reason printed, never as passed; set this to null when the blocker is gone
// and an over-budget build fails the run.
// Within budget (798 kB) since sign-in, the lock screen, the archive search, the staff import, the staged
// imports, the area-code re-key, the weekly volumes and other desks' presence left the first screen
// (docs/ARCHITECTURE.md, "Loading"): an over-budget build fails the run.
const FIRST_SCREEN_BUDGET_BLOCKED_BY = null;

function checkFirstScreenBudget() {
  const ok = run('first-screen budget', 'node', ['tests/bundle/firstScreenBudget.mjs']);
  if (ok) totals.passed += 1;
  else if (FIRST_SCREEN_BUDGET_BLOCKED_BY) {
    totals.skipped += 1;
    console.log(`skipped: first-screen budget over 800 kB: ${FIRST_SCREEN_BUDGET_BLOCKED_BY}`);
  } else {
    totals.failed += 1;
    problems.push('first-screen JavaScript over its 800 kB budget');
  }
}

const buildOk = run('build', npm, ['run', 'build']);
if (!buildOk) {
  totals.failed += 1;
  problems.push('build failed: end-to-end suites not run');
} else {
  checkFirstScreenBudget();
  const suites = [
    ['e2e', 'tests/e2e/playwright.config.ts', 'e2e.json'],
    ['sip-lab', 'tests/lab/playwright.config.ts', 'lab.json'],
    ['electron', 'tests/electron/playwright.config.ts', 'electron.json'],
  ];
  for (const [label, config, report] of suites) {
    if (!existsSync(join(root, config))) continue;
    const ok = run(label, npx, ['playwright', 'test', '-c', config]);
    countPlaywright(report, label, ok);
  }
}

console.log('');
for (const p of problems) console.log(`problem: ${p}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
