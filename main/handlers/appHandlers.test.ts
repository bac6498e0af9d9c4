import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSipServerConfig } from '../config/sipServerConfig';
import { createAppHandlers } from './appHandlers';

let dir: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'fd-app-'));
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => fs.rm(dir, { recursive: true, force: true }));

describe('app.info', () => {
  it('tells the renderer which stored PBX address was refused at start, so Settings can ask for it again', async () => {
    await fs.writeFile(path.join(dir, 'frontdesk-main.json'), JSON.stringify({ version: 1, sipServers: ['wss://pbx.example.com;sandbox'] }));
    const sipConfig = createSipServerConfig({ userDataDir: dir });
    await sipConfig.load();
    const app = createAppHandlers({ appVersion: '0.1.0', versions: {}, secretsAvailable: () => true, pdfAvailable: true, printAvailable: true, sipConfig });
    expect(await app.info(undefined)).toMatchObject({ ok: true, value: { rejectedSipServers: ['wss://pbx.example.com;sandbox'] } });
    await app.setSipServers({ urls: ['wss://pbx.example.com'] });
    const after = await app.info(undefined);
    expect(after.ok && after.value.rejectedSipServers).toBeFalsy();
  });
});
