// Every fuse of the Electron version in use must be set explicitly at package time, to its secure value.
// @electron/fuses 1.8 lists eight fuses; Electron 45's wire has nine (WasmTrapHandlers), so the list
// comes from a table per Electron major here, and the test fails when the installed Electron's major is
// not in it (an upgrade must decide its new fuses). Fuses electron-builder can set go in the yml's
// `electronFuses`; the others are set by the afterPack hook (scripts/electronFusesAfterPack.mjs).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXTRA_FUSES, FUSE_SENTINEL, flipExtraFuses } from '../../scripts/electronFusesAfterPack.mjs';

const root = path.resolve(__dirname, '../..');
const require = createRequire(import.meta.url);

// The secure value of each fuse, by Electron major, in wire order (Electron's docs/tutorial/fuses.md).
const FUSES_BY_ELECTRON_MAJOR: Record<number, Array<[name: string, secure: boolean]>> = {
  45: [
    ['RunAsNode', false],
    ['EnableCookieEncryption', true],
    ['EnableNodeOptionsEnvironmentVariable', false],
    ['EnableNodeCliInspectArguments', false],
    ['EnableEmbeddedAsarIntegrityValidation', true],
    ['OnlyLoadAppFromAsar', true],
    ['LoadBrowserProcessSpecificV8Snapshot', false],
    ['GrantFileProtocolExtraPrivileges', false],
    ['WasmTrapHandlers', true],
  ],
};

/** electron-builder names fuses in lowerCamelCase: RunAsNode → runAsNode. */
const builderKey = (fuse: string) => fuse.charAt(0).toLowerCase() + fuse.slice(1);

const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const fuses = (config.electronFuses ?? {}) as Record<string, unknown>;
const libraryFuseNames = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
const electronVersion = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
const electronMajor = Number(electronVersion.split('.')[0]);
const table = FUSES_BY_ELECTRON_MAJOR[electronMajor] ?? [];

/** The options electron-builder's own schema accepts under `electronFuses` (additionalProperties: false). */
function builderFuseOptions(): string[] {
  const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as {
    definitions: Record<string, { properties?: Record<string, unknown> }>;
  };
  return Object.keys(scheme.definitions.FuseOptionsV1?.properties ?? {});
}

describe('Electron fuses', () => {
  it(`knows the fuses of the installed Electron (${electronVersion})`, () => {
    expect(Object.keys(FUSES_BY_ELECTRON_MAJOR).map(Number), `Electron ${electronMajor}: add its fuse list to the table`).toContain(electronMajor);
    // A fuse @electron/fuses knows must be in the table too (the library may lag behind, never lead).
    expect(libraryFuseNames.filter((name) => !table.some(([known]) => known === name))).toEqual([]);
  });

  it.each(table.map(([name, secure], index) => ({ name, secure, index })))('sets $name explicitly to its secure value', ({ name, secure, index }) => {
    const key = builderKey(name);
    const extra = EXTRA_FUSES[name];
    if (extra) {
      // Not settable through electron-builder: the hook sets it, at its wire index.
      expect(fuses, `${name} is set by the afterPack hook, not electronFuses`).not.toHaveProperty(key);
      expect(extra).toEqual({ index, enabled: secure });
      expect(config.afterPack, 'the hook that sets it runs').toBe('./scripts/electronFusesAfterPack.mjs');
    } else {
      expect(fuses, `electronFuses.${key} missing`).toHaveProperty(key);
      expect(fuses[key], `electronFuses.${key}`).toBe(secure);
      expect(libraryFuseNames).toContain(name);
    }
  });

  it("sets in the yml only options electron-builder's schema accepts (else packaging stops with an invalid configuration)", () => {
    const accepted = new Set(builderFuseOptions());
    expect(accepted.size).toBeGreaterThan(0);
    expect(Object.keys(fuses).filter((key) => !accepted.has(key))).toEqual([]);
    // And the hook is needed exactly for the fuses it cannot take.
    expect(Object.keys(EXTRA_FUSES).filter((name) => accepted.has(builderKey(name)))).toEqual([]);
  });


  it('the afterPack hook writes the extra fuses into every fuse wire of the binary and leaves the others alone', () => {
    const wire = (states: string) => Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([1, states.length]), Buffer.from(states, 'latin1')]);
    const before = Buffer.concat([Buffer.from('ELF…'), wire('010011000'), Buffer.from('…'), wire('010011001')]);
    const binary = Buffer.from(before);
    expect(flipExtraFuses(binary)).toBe(2);
    const states = (buf: Buffer) => {
      const out: string[] = [];
      for (let at = buf.indexOf(FUSE_SENTINEL); at !== -1; at = buf.indexOf(FUSE_SENTINEL, at + 1)) {
        const start = at + FUSE_SENTINEL.length + 2;
        out.push(buf.subarray(start, start + buf[at + FUSE_SENTINEL.length + 1]!).toString('latin1'));
      }
      return out;
    };
    expect(states(binary)).toEqual(['010011001', '010011001']);
    expect(() => flipExtraFuses(Buffer.concat([Buffer.from('x'), wire('01001100')]))).toThrow(/8 fuses/);
    expect(() => flipExtraFuses(Buffer.from('no sentinel here'))).toThrow(/sentinel/);
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
