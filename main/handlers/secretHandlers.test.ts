import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeSafeStorage } from '../testing/fakeSafeStorage';
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
});
