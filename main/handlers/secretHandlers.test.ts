import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeSafeStorage } from '../test/fakeSafeStorage';
import { createSecretHandlers, secretStorageProblem } from './secretHandlers';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fd-secrets-'));
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

describe('secrets in safeStorage (REQUIREMENTS §6: never in plain text)', () => {
  it('writes only ciphertext to the secrets file', async () => {
    const secrets = createSecretHandlers({ userDataDir: dir, safeStorage: createFakeSafeStorage(), platform: 'linux' });
    expect(await secrets.set({ key: 'sip.password', value: 'hunter2-密码' })).toEqual({ ok: true, value: { stored: true } });
    const onDisk = await fs.readFile(path.join(dir, 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain('hunter2');
    expect(JSON.parse(onDisk)).toMatchObject({ version: 1, entries: { 'sip.password': expect.any(String) } });
    expect(await secrets.get({ key: 'sip.password' })).toEqual({ ok: true, value: { value: 'hunter2-密码' } });
    if (process.platform !== 'win32') expect((await fs.stat(path.join(dir, 'secrets.json'))).mode & 0o077).toBe(0);
  });

  it('refuses with secrets-unavailable when the OS cannot encrypt, and writes nothing', async () => {
    const secrets = createSecretHandlers({ userDataDir: dir, safeStorage: createFakeSafeStorage({ available: false }), platform: 'win32' });
    const set = await secrets.set({ key: 'sip.password', value: 'x' });
    expect(set).toMatchObject({ ok: false, error: { code: 'secrets-unavailable' } });
    expect(await secrets.get({ key: 'sip.password' })).toMatchObject({ ok: false, error: { code: 'secrets-unavailable' } });
    expect(secrets.isAvailable()).toBe(false);
    await expect(fs.readdir(dir)).resolves.toEqual([]);
  });

  it("refuses Linux's basic_text backend (a hard-coded key is plain text in disguise)", async () => {
    const safeStorage = createFakeSafeStorage({ backend: 'basic_text' });
    const secrets = createSecretHandlers({ userDataDir: dir, safeStorage, platform: 'linux' });
    const set = await secrets.set({ key: 'sip.password', value: 'x' });
    expect(set).toMatchObject({ ok: false, error: { code: 'secrets-unavailable' } });
    if (!set.ok) expect(set.error.message).toMatch(/keyring/);
    expect(secretStorageProblem(safeStorage, 'darwin')).toBeNull(); // the backend question is Linux-only
    expect(secretStorageProblem(createFakeSafeStorage({ backend: 'kwallet6' }), 'linux')).toBeNull();
    await expect(fs.readdir(dir)).resolves.toEqual([]);
  });

  it('reports an undecryptable value instead of returning garbage', async () => {
    await fs.writeFile(path.join(dir, 'secrets.json'), JSON.stringify({ version: 1, entries: { 'sip.password': 'AAAA' } }));
    const secrets = createSecretHandlers({ userDataDir: dir, safeStorage: createFakeSafeStorage(), platform: 'linux' });
    expect(await secrets.get({ key: 'sip.password' })).toMatchObject({ ok: false, error: { code: 'secrets-unavailable' } });
  });

  it('serialises concurrent writes', async () => {
    const secrets = createSecretHandlers({ userDataDir: dir, safeStorage: createFakeSafeStorage(), platform: 'linux' });
    await Promise.all(['a', 'b', 'c', 'd'].map((value) => secrets.set({ key: 'sip.password', value })));
    expect(await secrets.get({ key: 'sip.password' })).toEqual({ ok: true, value: { value: 'd' } });
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  describe('a corrupt secrets.json (issue: get, set and delete all failed with no way out)', () => {
    it.each([
      ['not JSON', '{"version":1,"entries":{"sip.pass'],
      ['the wrong shape', JSON.stringify({ version: 2, entries: [] })],
      ['empty', ''],
    ])('%s: is set aside, logged, and get asks for the password again; set and delete work', async (_what, contents) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await fs.writeFile(path.join(dir, 'secrets.json'), contents);
      const secrets = createSecretHandlers({ userDataDir: dir, safeStorage: createFakeSafeStorage(), platform: 'linux' });
      expect(await secrets.get({ key: 'sip.password' })).toEqual({ ok: true, value: { value: null, reset: true } });
      const files = await fs.readdir(dir);
      const corrupt = files.filter((f) => /^secrets\.json\.corrupt-\d{8}T\d{6}Z(-\d+)?$/.test(f));
      expect(corrupt, files.join(', ')).toHaveLength(1);
      expect(await fs.readFile(path.join(dir, corrupt[0]!), 'utf8')).toBe(contents); // kept for a person to look at
      expect(files).not.toContain('secrets.json');
      expect(warn.mock.calls.flat().join(' ')).toContain(corrupt[0]);
      // Once set aside, it is an ordinary empty store.
      expect(await secrets.get({ key: 'sip.password' })).toEqual({ ok: true, value: { value: null } });
      expect(await secrets.set({ key: 'sip.password', value: 'again' })).toEqual({ ok: true, value: { stored: true } });
      expect(await secrets.get({ key: 'sip.password' })).toEqual({ ok: true, value: { value: 'again' } });
      expect(await secrets.delete({ key: 'sip.password' })).toEqual({ ok: true, value: { deleted: true } });
      warn.mockRestore();
    });

    it('set and delete on a corrupt file succeed too (and the first get after them reports nothing to reset)', async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      await fs.writeFile(path.join(dir, 'secrets.json'), 'garbage');
      const secrets = createSecretHandlers({ userDataDir: dir, safeStorage: createFakeSafeStorage(), platform: 'linux' });
      expect(await secrets.delete({ key: 'sip.password' })).toEqual({ ok: true, value: { deleted: false } });
      await fs.writeFile(path.join(dir, 'secrets.json'), 'garbage again');
      expect(await secrets.set({ key: 'sip.password', value: 'x' })).toEqual({ ok: true, value: { stored: true } });
      expect(await secrets.get({ key: 'sip.password' })).toEqual({ ok: true, value: { value: 'x' } });
      expect((await fs.readdir(dir)).filter((f) => f.includes('.corrupt-'))).toHaveLength(2);
    });
  });
});
