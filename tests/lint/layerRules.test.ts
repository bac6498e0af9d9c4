// The lint config enforces exactly the layers docs/ARCHITECTURE.md names: each case lints one import
// as if it were written in a file of that layer, and expects it refused or allowed.
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${specifier}';\nexport const y = x;\n`, { filePath: `${root}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const refused: Array<[string, string]> = [
  ['renderer/platform/probe.ts', '../db'],
  ['renderer/platform/probe.ts', '../ui/useStore'],
  ['renderer/i18n/probe.ts', '../features/visitors'],
  ['renderer/db/probe.ts', '../ui/notifications/notificationStore'],
  ['renderer/db/probe.ts', '../features/directory'],
  ['renderer/db/probe.ts', '../app/App'],
  ['renderer/db/probe.ts', '../i18n'],
  ['renderer/phone/probe.ts', '../ui/status/phoneStatusStore'],
  ['renderer/phone/probe.ts', '../features/switchboard'],
  ['renderer/phone/probe.ts', '../app/phoneWiring'],
  ['renderer/phone/probe.ts', '../i18n'],
  ['renderer/db/probe.ts', '../phone'],
  ['renderer/ui/probe.ts', '../db'],
  ['renderer/ui/probe.ts', '../phone/phoneTypes'],
  ['renderer/ui/shortcuts/probe.ts', '../../features/switchboard'],
  ['renderer/features/visitors/probe.ts', '../../app/AppShell'],
  ['renderer/features/visitors/probe.ts', '../directory/directoryImport'],
  ['renderer/features/visitors/probe.ts', '../../features/badges/badgeDocument'],
  ['renderer/features/visitors/probe.ts', 'electron'],
  ['renderer/features/visitors/probe.ts', 'node:fs'],
  ['renderer/ui/probe.ts', '../../main/startApp'],
];

const allowed: Array<[string, string]> = [
  ['renderer/db/probe.ts', '../platform'],
  ['renderer/phone/probe.ts', '../db'],
  ['renderer/phone/probe.ts', '../platform/metrics'],
  ['renderer/ui/probe.ts', '../i18n'],
  ['renderer/ui/probe.ts', '../platform/metrics'],
  ['renderer/features/visitors/probe.ts', '../../ui/notifications/notificationStore'],
  ['renderer/features/visitors/probe.ts', '../../db'],
  ['renderer/features/visitors/probe.ts', '../../phone'],
  ['renderer/features/visitors/probe.ts', '../badges'],
  ['renderer/features/visitors/probe.ts', './RegistrationForm'],
  ['renderer/features/visitors/probe.ts', '@shared/visitors/registration'],
  ['renderer/app/probe.ts', '../features/visitors/VisitorsScreen'],
  ['renderer/app/probe.ts', '../db'],
];

describe('renderer layer rules', () => {
  it.each(refused)('%s may not import %s', async (file, specifier) => {
    expect(await layerErrors(file, specifier)).not.toEqual([]);
  });

  it.each(allowed)('%s may import %s', async (file, specifier) => {
    expect(await layerErrors(file, specifier)).toEqual([]);
  });
});
