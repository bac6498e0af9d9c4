// Every Electron fuse must be set explicitly in electron-builder.yml, to its secure value. The list of
// fuses comes from @electron/fuses itself, so a fuse added by a future Electron fails this test until
// someone decides its value.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The secure value of each fuse (by its FuseV1Options name). A new fuse is "unknown" here on purpose.
const SECURE_VALUES: Record<string, boolean> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
};

/** electron-builder names fuses in lowerCamelCase: RunAsNode → runAsNode. */
const builderKey = (fuse: string) => fuse.charAt(0).toLowerCase() + fuse.slice(1);

const config = parse(readFileSync(path.resolve(__dirname, '../../electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const fuses = (config.electronFuses ?? {}) as Record<string, unknown>;
const fuseNames = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));

describe('electron-builder.yml fuses', () => {
  it('knows a secure value for every fuse in @electron/fuses', () => {
    expect(fuseNames.length).toBeGreaterThanOrEqual(8);
    const unknown = fuseNames.filter((name) => !(name in SECURE_VALUES));
    expect(unknown, 'new fuse(s): decide their value here and in electron-builder.yml').toEqual([]);
  });

  it.each(fuseNames)('sets %s explicitly to its secure value', (name) => {
    const key = builderKey(name);
    expect(fuses, `electronFuses.${key} missing`).toHaveProperty(key);
    expect(fuses[key], `electronFuses.${key}`).toBe(SECURE_VALUES[name]);
  });

  it('sets nothing that is not a fuse', () => {
    const known = new Set([...fuseNames.map(builderKey), 'resetAdHocDarwinSignature']);
    expect(Object.keys(fuses).filter((key) => !known.has(key))).toEqual([]);
  });
});

describe('electron-builder.yml packaging', () => {
  it('packages the app as specified', () => {
    expect(config.appId).toBe('com.frontdesk.console');
    expect(config.productName).toBe('FrontDesk Console');
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(['dist/**', 'package.json']);
    const targets = (platform: string) => ((config[platform] as { target: string[] }).target);
    expect(targets('linux')).toEqual(['AppImage', 'deb']);
    expect(targets('win')).toEqual(['nsis']);
    expect(targets('mac')).toEqual(['dmg']);
  });
});
