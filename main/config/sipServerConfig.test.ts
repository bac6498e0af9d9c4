import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSipServerConfig, parseSipServerEnv } from './sipServerConfig';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fd-config-'));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

describe('SIP server config (feeds CSP connect-src)', () => {
  it('persists servers in userData and reloads them', async () => {
    const config = createSipServerConfig({ userDataDir: dir });
    await config.load();
    expect(config.effectiveServers()).toEqual([]);
    await config.setServers(['wss://pbx.example.com:8089/ws']);
    const again = createSipServerConfig({ userDataDir: dir });
    await again.load();
    expect(again.effectiveServers()).toEqual(['wss://pbx.example.com:8089/ws']);
  });

  it('adds FRONTDESK_SIP_WS servers for the lab, ignoring invalid ones', async () => {
    expect(parseSipServerEnv('ws://127.0.0.1:8080, wss://lab.example:8089 ws://pbx.example.com')).toEqual([
      'ws://127.0.0.1:8080',
      'wss://lab.example:8089',
    ]);
    const config = createSipServerConfig({ userDataDir: dir, env: 'ws://127.0.0.1:8080' });
    await config.load();
    expect(config.effectiveServers()).toEqual(['ws://127.0.0.1:8080']);
  });

  it('drops tampered entries from the file and survives a corrupt file', async () => {
    await fs.writeFile(path.join(dir, 'frontdesk-main.json'), JSON.stringify({ version: 1, sipServers: ['ws://evil.example', 'wss://ok.example'] }));
    const config = createSipServerConfig({ userDataDir: dir });
    await config.load();
    expect(config.effectiveServers()).toEqual(['wss://ok.example']);
    await fs.writeFile(path.join(dir, 'frontdesk-main.json'), '{not json');
    await config.load();
    expect(config.effectiveServers()).toEqual([]);
  });

  it('starts with no PBX allowed when a stored address is unusable (written by an older version), and says so', async () => {
    const warn = vi.mocked(console.warn);
    await fs.writeFile(
      path.join(dir, 'frontdesk-main.json'),
      JSON.stringify({ version: 1, sipServers: ['wss://pbx.example.com;sandbox', 'wss://*', 'wss://ok.example:8089/ws'] }),
    );
    const config = createSipServerConfig({ userDataDir: dir });
    await config.load();
    expect(config.effectiveServers()).toEqual(['wss://ok.example:8089/ws']);
    expect(config.rejectedServers()).toEqual(['wss://pbx.example.com;sandbox', 'wss://*']);
    expect(warn.mock.calls.flat().join('\n')).toContain('wss://pbx.example.com;sandbox');
    // Saving a good list clears the refusal.
    await config.setServers(['wss://ok.example:8089/ws']);
    expect(config.rejectedServers()).toEqual([]);
  });

  it('refuses hostile FRONTDESK_SIP_WS entries too', () => {
    expect(parseSipServerEnv('wss://pbx.example.com;sandbox ws://127.0.0.1:8080')).toEqual(['ws://127.0.0.1:8080']);
  });

  it('keeps the sync server beside the SIP servers, refusing plain http:// off loopback and a tampered entry', async () => {
    const config = createSipServerConfig({ userDataDir: dir });
    await config.load();
    expect(config.syncServer()).toBeNull();
    await config.setServers(['wss://pbx.example.com']);
    await config.setSyncServer('https://couch.example.com:6984');
    const again = createSipServerConfig({ userDataDir: dir });
    await again.load();
    expect(again.syncServer()).toBe('https://couch.example.com:6984');
    expect(again.effectiveServers()).toEqual(['wss://pbx.example.com']); // saving one kept the other
    await again.setSyncServer('http://couch.example.com');
    expect(again.syncServer()).toBeNull();
    await again.setSyncServer('http://127.0.0.1:5984');
    expect(again.syncServer()).toBe('http://127.0.0.1:5984');
    await again.setSyncServer(null);
    expect(again.syncServer()).toBeNull();
    await fs.writeFile(path.join(dir, 'frontdesk-main.json'), JSON.stringify({ version: 1, sipServers: [], syncServer: 'https://couch.example.com;sandbox' }));
    await again.load();
    expect(again.syncServer()).toBeNull();
  });
});
