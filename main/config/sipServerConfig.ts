// main's own small settings file: the SIP WebSocket servers and the site's sync server the page may
// connect to. It lives in main (not in the renderer's IndexedDB) because it feeds the CSP connect-src: the
// page must not be able to widen its own policy except through the validated app.setSipServers and
// app.setSyncServer bridge calls.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { sipServerUrlSchema, syncServerUrlSchema } from '@shared/bridge/schemas';
import { writeFileAtomically } from './atomicFile';

const CONFIG_FILE = 'frontdesk-main.json';

const configFileSchema = z.object({ version: z.literal(1), sipServers: z.array(z.string()), syncServer: z.string().nullable().optional() });

export interface SipServerConfig {
  /** Stored servers plus FRONTDESK_SIP_WS ones, each valid by the same rule as app.setSipServers. */
  effectiveServers(): string[];
  /**
   * Stored addresses refused at load (a file written by an older version that accepted `;sandbox` or `*`):
   * the console starts without them instead of sending them to the CSP, and app.info reports them.
   */
  rejectedServers(): string[];
  setServers(urls: readonly string[]): Promise<void>;
  /** The site's sync server (Settings → Sync) when it passes the sync address rule, else null. */
  syncServer(): string | null;
  setSyncServer(url: string | null): Promise<void>;
  load(): Promise<void>;
}

/** FRONTDESK_SIP_WS="ws://127.0.0.1:8080,wss://pbx.lab:8089": servers preset for the SIP lab. */
export function parseSipServerEnv(value: string | undefined): string[] {
  if (!value) return [];
  return value
    .split(/[,\s]+/)
    .map((item) => item.trim())
    .filter((item) => {
      if (!item) return false;
      const valid = sipServerUrlSchema.safeParse(item).success;
      if (!valid) console.warn(`[config] FRONTDESK_SIP_WS: ignored invalid SIP server URL ${item}`);
      return valid;
    });
}

export function createSipServerConfig(options: { userDataDir: string; env?: string }): SipServerConfig {
  const filePath = path.join(options.userDataDir, CONFIG_FILE);
  const fromEnv = parseSipServerEnv(options.env);
  let stored: string[] = [];
  let rejected: string[] = [];
  let syncServer: string | null = null;

  const isValid = (url: string) => sipServerUrlSchema.safeParse(url).success;
  const keepValid = (urls: readonly string[]) => urls.filter(isValid);
  const validSync = (url: string | null | undefined) => (url && syncServerUrlSchema.safeParse(url).success ? url : null);
  const save = (sipServers: string[], sync: string | null) =>
    writeFileAtomically(filePath, JSON.stringify({ version: 1, sipServers, syncServer: sync }, null, 2));

  return {
    effectiveServers: () => [...new Set([...stored, ...fromEnv])],
    rejectedServers: () => [...rejected],
    async setServers(urls) {
      const valid = keepValid(urls);
      await save(valid, syncServer);
      stored = valid;
      rejected = [];
    },
    syncServer: () => syncServer,
    async setSyncServer(url) {
      const valid = validSync(url);
      await save(stored, valid);
      syncServer = valid;
    },
    async load() {
      rejected = [];
      syncServer = null;
      let text: string;
      try {
        text = await fs.readFile(filePath, 'utf8');
      } catch {
        stored = []; // first start
        return;
      }
      try {
        const parsed = configFileSchema.safeParse(JSON.parse(text));
        stored = parsed.success ? keepValid(parsed.data.sipServers) : [];
        rejected = parsed.success ? parsed.data.sipServers.filter((url) => !isValid(url)) : [];
        syncServer = parsed.success ? validSync(parsed.data.syncServer) : null;
        if (parsed.success && parsed.data.syncServer && !syncServer) {
          console.warn(`[config] ${CONFIG_FILE}: refused the stored sync server ${JSON.stringify(parsed.data.syncServer.slice(0, 200))}; it is not allowed by the CSP until it is saved again in Settings → Sync`);
        }
        for (const url of rejected) {
          console.warn(`[config] ${CONFIG_FILE}: refused the stored SIP server ${JSON.stringify(url.slice(0, 200))} (not a plain wss:// host and port); it is not allowed by the CSP until it is saved again in Settings`);
        }
        if (!parsed.success) console.warn(`[config] ${CONFIG_FILE} is malformed; starting with no SIP servers`);
      } catch {
        console.warn(`[config] ${CONFIG_FILE} is not JSON; starting with no SIP servers`);
        stored = [];
      }
    },
  };
}
