/**
 * The lab's media relay: rtpengine (Debian `rtpengine-daemon`) in userspace mode, started and stopped by PID.
 *
 *   const relay = await startRtpengine();      // NG control on a free UDP port, RTP in a free-looking range
 *   startKamailio({ configTemplate: REAL_PHONES_KAMAILIO_CFG, vars: { RTPENGINE_SOCK: relay.ngSocket } })
 *   await relay.stop();
 *
 * `--table=-1`: no kernel forwarding (no module in containers); `--config-file=none` ignores the packaged
 * /etc/rtpengine/rtpengine.conf. On a systemd host the package runs its own instance: ours uses other ports.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeTcpPort, freeUdpPort } from './kamailioProcess';
import { spawnLabProcess, type LabProcess } from './labProcess';

export const RTPENGINE_BIN = '/usr/bin/rtpengine';

export interface RtpengineHandle {
  /** for Kamailio's rtpengine_sock, e.g. udp:127.0.0.1:40123 */
  readonly ngSocket: string;
  readonly ngPort: number;
  readonly portMin: number;
  readonly portMax: number;
  readonly pid: number;
  readonly workDir: string;
  logs(): string;
  stop(): Promise<void>;
}

/** A random block of `size` ports below Linux's ephemeral range (32768+), so that OS-chosen ports rarely land in it. */
export function randomPortBlock(size: number, from = 20_000, to = 32_000): { min: number; max: number } {
  const blocks = Math.floor((to - from) / size);
  const min = from + Math.floor(Math.random() * blocks) * size;
  return { min, max: min + size - 1 };
}

export async function startRtpengine(options: { echoLogs?: boolean; logLevel?: number } = {}): Promise<RtpengineHandle> {
  if (!existsSync(RTPENGINE_BIN)) {
    throw new Error(`${RTPENGINE_BIN} is missing: apt-get install -y --no-install-recommends rtpengine-daemon (or run .ci/run)`);
  }
  const workDir = await mkdtemp(join(tmpdir(), 'fd-rtpengine-'));
  const ngPort = await freeUdpPort();
  const cliPort = await freeTcpPort();
  const { min, max } = randomPortBlock(200);
  const args = [
    '--config-file=none',
    '--table=-1',
    '--foreground',
    '--log-stderr',
    `--log-level=${options.logLevel ?? 6}`,
    '--interface=127.0.0.1',
    `--listen-ng=127.0.0.1:${ngPort}`,
    `--listen-cli=127.0.0.1:${cliPort}`,
    `--port-min=${min}`,
    `--port-max=${max}`,
    '--timeout=60',
    '--delete-delay=0',
    `--pidfile=${join(workDir, 'rtpengine.pid')}`,
  ];
  let proc: LabProcess | undefined;
  try {
    proc = spawnLabProcess('rtpengine', RTPENGINE_BIN, args, { cwd: workDir, logFile: join(workDir, 'rtpengine.log'), echo: options.echoLogs });
    await proc.waitForLog(/Startup complete/, 10_000);
  } catch (err) {
    await proc?.stop();
    await rm(workDir, { recursive: true, force: true });
    throw err;
  }
  const p = proc;
  return {
    ngSocket: `udp:127.0.0.1:${ngPort}`,
    ngPort,
    portMin: min,
    portMax: max,
    pid: p.pid,
    workDir,
    logs: () => p.logs(),
    async stop() {
      await p.stop();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
