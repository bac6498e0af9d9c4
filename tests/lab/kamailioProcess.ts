/**
 * Starts and stops the lab's Kamailio (Debian package) in the foreground, by PID.
 *
 *   const pbx = await startKamailio();          // free ports picked by the OS
 *   pbx.wsUrl                                   // ws://127.0.0.1:<port>
 *   await pbx.restart();                        // same ports ("PBX restarted mid-shift")
 *   await pbx.stop();
 *
 * The config is generated from ./kamailio.cfg (a template with @@...@@ placeholders) into a temp dir.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createWriteStream, existsSync, readdirSync, readFileSync, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitExit } from './labProcess';

export const KAMAILIO_BIN = '/usr/sbin/kamailio';

/** http://127.0.0.1:<any port>, http://localhost:<any port> and the Electron app's scheme. */
export const DEFAULT_ORIGIN_REGEX = '^(http://(127\\.0\\.0\\.1|localhost)(:[0-9]+)?|app://frontdesk)$';

export interface KamailioOptions {
  /** WebSocket (TCP) port; default: a free port chosen by the OS */
  wsPort?: number;
  /** UDP port; default: a free port chosen by the OS */
  udpPort?: number;
  /** POSIX ERE the WebSocket Origin must match (DEFAULT_ORIGIN_REGEX) */
  originRegex?: string;
  /** path of the cfg template (default: ./kamailio.cfg next to this file) */
  configTemplate?: string;
  /** how long to wait for the WebSocket listener (default 10 s) */
  startTimeoutMs?: number;
  /** SIGTERM → SIGKILL grace period (default 3 s) */
  stopGraceMs?: number;
  /** copy Kamailio's stderr to this process's stderr */
  echoLogs?: boolean;
  /** Kamailio log level override (--debug=N; the cfg says 2 = info, 3 = debug) */
  debug?: number;
  /** keep the temp dir (cfg, logs) after stop() */
  keepWorkDir?: boolean;
  /**
   * Busy lamps: start from ./kamailio-presence.cfg (presence server for the "dialog" event package,
   * dialog state published by pua_dialoginfo) instead of ./kamailio.cfg. `subscribeMaxExpires` caps a
   * subscription's lifetime (s, default 600): a test sets it short to see refreshes happen.
   */
  presence?: boolean | { subscribeMaxExpires?: number };
  /** extra template placeholders, e.g. { RTPENGINE_SOCK: 'udp:127.0.0.1:2223' } replaces @@RTPENGINE_SOCK@@ */
  vars?: Record<string, string>;
  /** cfg preprocessor defines (`-A NAME` on the command line), e.g. ['STRIP_OPUS'] */
  defines?: string[];
}

export interface KamailioHandle {
  readonly wsUrl: string;
  readonly wsPort: number;
  readonly udpPort: number;
  /** PID of the running Kamailio main process (changes on restart) */
  readonly pid: number;
  readonly workDir: string;
  readonly cfgPath: string;
  /** Kamailio's stderr so far (last 256 KB, for this run) */
  logs(): string;
  stop(): Promise<void>;
  /** stop + start on the same ports (in-memory registrations are lost, as on a real PBX restart) */
  restart(): Promise<void>;
  /** The two halves of restart(), for a test that looks at the console while the PBX is down. */
  halt(): Promise<void>;
  resume(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------

/** The presence modules (Debian: kamailio-presence-modules) and db_text's shipped table definitions. */
const PRESENCE_MODULES = ['presence.so', 'presence_dialoginfo.so', 'pua.so', 'pua_dialoginfo.so'];
const DBTEXT_TABLES_DIR = '/usr/share/kamailio/dbtext/kamailio';
const PRESENCE_TABLES = ['version', 'presentity', 'active_watchers', 'watchers', 'pua'];

function ensurePresenceInstalled(mpath: string): void {
  const missing = PRESENCE_MODULES.filter((m) => !existsSync(join(mpath, m)));
  if (missing.length === 0) return;
  throw new Error(
    `Kamailio presence modules missing (${missing.join(', ')}): ` +
      'run `sudo apt-get install -y --no-install-recommends kamailio-presence-modules`',
  );
}

/**
 * A db_text directory for presence and pua. Two shipped column definitions are not nullable although
 * presence leaves them empty: active_watchers.flags (else "null value not allowed" and no subscription
 * is stored) and presentity.sender (else the file written at shutdown cannot be loaded at the next start).
 */
async function prepareDbText(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const table of PRESENCE_TABLES) {
    let text = await readFile(join(DBTEXT_TABLES_DIR, table), 'utf8');
    if (table === 'active_watchers') text = text.replace('flags(int) ', 'flags(int,null) ');
    if (table === 'presentity') text = text.replace('sender(string) ', 'sender(string,null) ');
    await writeFile(join(dir, table), text);
  }
}

function ensureInstalled(): void {
  const haveWs = () => findModuleDir() !== null && existsSync(join(findModuleDir() ?? '', 'websocket.so'));
  if (existsSync(KAMAILIO_BIN) && haveWs()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `${KAMAILIO_BIN} (or its websocket module) is missing and this process is not root: ` +
        'run `sudo apt-get install -y --no-install-recommends kamailio kamailio-websocket-modules`',
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () =>
    spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'kamailio', 'kamailio-websocket-modules'], {
      env,
      encoding: 'utf8',
    });
  let r = install();
  if (r.status !== 0) {
    const u = spawnSync('apt-get', ['update'], { env, encoding: 'utf8' });
    if (u.status !== 0) throw new Error(`apt-get update failed:\n${u.stderr}`);
    r = install();
  }
  if (r.status !== 0 || !existsSync(KAMAILIO_BIN)) {
    throw new Error(`apt-get install kamailio kamailio-websocket-modules failed:\n${r.stderr}`);
  }
}

function findModuleDir(): string | null {
  const candidates: string[] = [];
  try {
    for (const d of readdirSync('/usr/lib')) candidates.push(join('/usr/lib', d, 'kamailio', 'modules'));
  } catch {
    /* ignore */
  }
  candidates.unshift('/usr/lib/x86_64-linux-gnu/kamailio/modules', '/usr/lib/aarch64-linux-gnu/kamailio/modules');
  candidates.push('/usr/lib/kamailio/modules', '/usr/local/lib64/kamailio/modules', '/usr/local/lib/kamailio/modules');
  return candidates.find((c) => existsSync(join(c, 'tm.so'))) ?? null;
}

function defaultTemplate(name = 'kamailio.cfg'): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const found = [join(here, name), join(here, '..', name), join(here, '..', 'lab', name)].find((p) => existsSync(p));
  if (!found) throw new Error(`${name} template not found next to ${here}; pass configTemplate`);
  return found;
}

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** A free UDP port on 127.0.0.1, chosen by the OS. */
export function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const sock = createSocket('udp4');
    sock.on('error', reject);
    sock.bind(0, '127.0.0.1', () => {
      const port = sock.address().port;
      sock.close(() => resolve(port));
    });
  });
}

/** True when a WebSocket upgrade (Sec-WebSocket-Protocol: sip) to 127.0.0.1:port gets "101". */
export function probeWebSocket(port: number, origin = 'http://127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = connect({ host: '127.0.0.1', port });
    let buf = '';
    const done = (ok: boolean) => {
      clearTimeout(timer);
      sock.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    sock.on('error', () => done(false));
    sock.on('connect', () => {
      sock.write(
        'GET / HTTP/1.1\r\n' +
          `Host: 127.0.0.1:${port}\r\n` +
          'Upgrade: websocket\r\nConnection: Upgrade\r\n' +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n' +
          'Sec-WebSocket-Protocol: sip\r\n' +
          `Origin: ${origin}\r\n\r\n`,
      );
    });
    sock.on('data', (d) => {
      buf += d.toString('latin1');
      if (buf.includes('\r\n')) done(/^HTTP\/1\.1 101/.test(buf));
    });
    sock.on('close', () => done(false));
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  // Kamailio runs in its own process group (spawned detached): the group id is its PID,
  // so this reaches its worker processes too, even if the main process is already gone.
  try {
    process.kill(-pid, signal);
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      /* already gone */
    }
  }
}

/** Is any process still in process group `pgid`? (Linux /proc) */
function groupAlive(pgid: number): boolean {
  try {
    for (const d of readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        // pid (comm) state ppid pgrp ...: comm may contain spaces, so split after the last ')'
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[2]) === pgid) return true;
      } catch {
        /* process vanished */
      }
    }
  } catch {
    return false;
  }
  return false;
}

const live = new Set<number>();
let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // last resort if the caller forgets stop() or the process exits abruptly: never leak a PBX
  process.on('exit', () => {
    for (const pid of live) killGroup(pid, 'SIGKILL');
  });
}

// ---------------------------------------------------------------------------------------------

export async function startKamailio(options: KamailioOptions = {}): Promise<KamailioHandle> {
  ensureInstalled();
  const mpath = findModuleDir();
  if (!mpath) throw new Error('Kamailio module directory not found');
  installExitHook();

  const wsPort = options.wsPort ?? (await freeTcpPort());
  const udpPort = options.udpPort ?? (await freeUdpPort());
  const originRegex = options.originRegex ?? DEFAULT_ORIGIN_REGEX;
  if (originRegex.includes('"')) throw new Error('originRegex must not contain a double quote');
  const startTimeoutMs = options.startTimeoutMs ?? 10_000;
  const stopGraceMs = options.stopGraceMs ?? 3_000;

  const workDir = await mkdtemp(join(tmpdir(), 'fd-kamailio-'));
  const presence = options.presence ? (options.presence === true ? {} : options.presence) : undefined;
  if (presence) ensurePresenceInstalled(mpath);
  const dbDir = join(workDir, 'dbtext');
  if (presence) await prepareDbText(dbDir);
  const template = await readFile(options.configTemplate ?? defaultTemplate(presence ? 'kamailio-presence.cfg' : 'kamailio.cfg'), 'utf8');
  const cfg = template
    .replaceAll('@@DB_URL@@', `text://${dbDir}`)
    .replaceAll('@@SUBSCRIBE_MAX_EXPIRES@@', String(Math.max(1, Math.round(presence?.subscribeMaxExpires ?? 600))))
    .replaceAll('@@WS_PORT@@', String(wsPort))
    .replaceAll('@@UDP_PORT@@', String(udpPort))
    .replaceAll('@@MPATH@@', mpath.endsWith('/') ? mpath : `${mpath}/`)
    .replaceAll('@@ORIGIN_REGEX@@', originRegex);
  let cfgText = cfg;
  for (const [name, value] of Object.entries(options.vars ?? {})) cfgText = cfgText.replaceAll(`@@${name}@@`, value);
  const left = /@@[A-Z_]+@@/.exec(cfgText);
  if (left) throw new Error(`unreplaced placeholder ${left[0]} in the Kamailio config template`);
  const cfgPath = join(workDir, 'kamailio.cfg');
  await writeFile(cfgPath, cfgText);

  let child: ChildProcess | null = null;
  let stderr = '';
  let runNo = 0;
  let logFile: WriteStream | null = null;

  const launch = async (): Promise<void> => {
    runNo++;
    stderr = '';
    const pidFile = join(workDir, `kamailio.${runNo}.pid`);
    logFile = createWriteStream(join(workDir, `kamailio.${runNo}.log`));
    const args = ['-f', cfgPath, '-DD', '-E', '-P', pidFile, '-w', workDir, '-Y', workDir];
    if (options.debug !== undefined) args.push(`--debug=${options.debug}`);
    for (const name of options.defines ?? []) args.push('-A', name);
    const proc = spawn(KAMAILIO_BIN, args, {
      cwd: workDir,
      detached: true, // own process group: stop() signals the group, Ctrl-C in a terminal doesn't race us
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    if (proc.pid === undefined) throw new Error(`could not spawn ${KAMAILIO_BIN}`);
    live.add(proc.pid);
    const lf = logFile;
    const onData = (d: Buffer) => {
      const s = d.toString('utf8');
      stderr += s;
      if (stderr.length > 256 * 1024) stderr = stderr.slice(-256 * 1024);
      lf.write(d);
      if (options.echoLogs) process.stderr.write(`[kamailio] ${s}`);
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', () => {
      if (proc.pid !== undefined) live.delete(proc.pid);
      lf.end();
    });

    const deadline = Date.now() + startTimeoutMs;
    while (Date.now() < deadline) {
      if (exited(proc)) {
        throw new Error(
          `Kamailio exited during start (code ${proc.exitCode ?? ''} signal ${proc.signalCode ?? ''}), ` +
            `ws ${wsPort} udp ${udpPort}, cfg ${cfgPath}\n--- kamailio stderr ---\n${stderr.slice(-8000)}`,
        );
      }
      if (await probeWebSocket(wsPort, 'http://127.0.0.1', 500)) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    await stopChild(proc);
    throw new Error(
      `Kamailio did not accept WebSocket connections on 127.0.0.1:${wsPort} within ${startTimeoutMs} ms ` +
        `(cfg ${cfgPath})\n--- kamailio stderr ---\n${stderr.slice(-8000)}`,
    );
  };

  const stopChild = async (proc: ChildProcess): Promise<void> => {
    const pid = proc.pid;
    if (pid === undefined) return;
    if (!exited(proc)) {
      killGroup(pid, 'SIGTERM');
      if (!(await waitExit(proc, stopGraceMs))) {
        killGroup(pid, 'SIGKILL');
        await waitExit(proc, 5000);
      }
    }
    // the workers share the group: make sure none survived the main process
    if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
    live.delete(pid);
  };

  // a port just released may still be in use for a moment: retry the start a few times on restart
  const launchWithRetry = async (attempts: number): Promise<void> => {
    for (let i = 1; ; i++) {
      try {
        await launch();
        return;
      } catch (err) {
        if (i >= attempts) throw err;
        await new Promise((r) => setTimeout(r, 300));
      }
    }
  };

  try {
    await launchWithRetry(1);
  } catch (err) {
    if (!options.keepWorkDir) await rm(workDir, { recursive: true, force: true });
    throw err;
  }

  let stopped = false;
  const handle: KamailioHandle = {
    wsUrl: `ws://127.0.0.1:${wsPort}`,
    wsPort,
    udpPort,
    get pid() {
      return child?.pid ?? -1;
    },
    workDir,
    cfgPath,
    logs: () => stderr,
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child) await stopChild(child);
      if (!options.keepWorkDir) await rm(workDir, { recursive: true, force: true });
    },
    async restart() {
      if (stopped) throw new Error('restart() after stop()');
      if (child) await stopChild(child);
      await launchWithRetry(5);
    },
    async halt() {
      if (stopped) throw new Error('halt() after stop()');
      if (child) await stopChild(child);
    },
    async resume() {
      if (stopped) throw new Error('resume() after stop()');
      if (child && !exited(child)) return;
      await launchWithRetry(5);
    },
  };
  return handle;
}
