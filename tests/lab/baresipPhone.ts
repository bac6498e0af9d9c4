/**
 * A plain SIP phone nobody here wrote: baresip 1.0.0 (Debian `baresip-core`), headless, one process per extension
 * with its own config dir in a temp dir, driven through its ctrl_tcp control interface. Started and stopped by PID.
 *
 *   const phone = await startBaresip({ user: '2001', registrar: `127.0.0.1:${pbx.udpPort}`, audioFile: tone.path });
 *   await phone.dial('sip:2000@127.0.0.1:5060');
 *   await phone.waitForEvent((e) => e.type === 'CALL_ESTABLISHED');
 *   phone.receivedRecordings()               // the sndfile dumps of what it heard (-dec.wav)
 *   await phone.stop();                      // before Kamailio: on SIGTERM baresip un-REGISTERs first
 *
 * Headless facts (baresip 1.0.0): net_interface takes an IP ("lo" fails); TLS takes sip_listen's port + 1; audio
 * sources must run at 48 kHz stereo; `outbound=` on the account is needed so that a transfer's INVITE goes
 * through the proxy (and the media relay) instead of straight to the Refer-To host; with answermode=auto there
 * is no CALL_INCOMING event.
 */
import { createServer, connect, type Socket } from 'node:net';
import { createSocket } from 'node:dgram';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freeTcpPort } from './kamailioProcess';
import { spawnLabProcess, type LabProcess } from './labProcess';
import { randomPortBlock } from './rtpengineProcess';

export const BARESIP_BIN = '/usr/bin/baresip';
export const BARESIP_MODULES = '/usr/lib/baresip/modules';

export interface BaresipOptions {
  /** the extension, e.g. 2001 */
  user: string;
  /** host:port of the lab's Kamailio UDP listener */
  registrar: string;
  /** WAV file (48 kHz stereo s16) the phone sends as its microphone; default: ausine at `toneHz` */
  audioFile?: string;
  /** ausine tone when there is no audioFile (default 1000 Hz) */
  toneHz?: number;
  /** account audio_codecs, e.g. "pcmu" or "opus/48000/2,pcmu" (default: every loaded codec, baresip's order) */
  codecs?: string;
  /** auto (default) answers every call at once; manual lets the test `accept` it */
  answerMode?: 'auto' | 'manual';
  /** calls at once before baresip answers 486 (default 4) */
  maxCalls?: number;
  echoLogs?: boolean;
}

export interface BaresipEvent {
  event?: boolean;
  class?: string;
  type?: string;
  param?: string;
  peeruri?: string;
  accountaor?: string;
  id?: string;
  /** when the driver received it (Date.now()) */
  at: number;
}

interface Pending {
  resolve(data: { ok: boolean; data: string }): void;
  reject(err: Error): void;
}

function portsFree(tcp: number[], udp: number[]): Promise<boolean> {
  const one = (kind: 'tcp' | 'udp', port: number) =>
    new Promise<boolean>((resolve) => {
      if (kind === 'tcp') {
        const srv = createServer();
        srv.once('error', () => resolve(false));
        srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
      } else {
        const sock = createSocket('udp4');
        sock.once('error', () => resolve(false));
        sock.bind(port, '127.0.0.1', () => sock.close(() => resolve(true)));
      }
    });
  return Promise.all([...tcp.map((p) => one('tcp', p)), ...udp.map((p) => one('udp', p))]).then((r) => r.every(Boolean));
}

/** sip_listen P needs UDP P, TCP P and TLS P+1 free. */
async function freeSipPort(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const p = 20_000 + 2 * Math.floor(Math.random() * 6000);
    if (await portsFree([p, p + 1], [p])) return p;
  }
  throw new Error('no free port pair for baresip');
}

export class BaresipPhone {
  readonly events: BaresipEvent[] = [];
  private sock: Socket | undefined;
  private buf = Buffer.alloc(0);
  private readonly pending = new Map<string, Pending>();
  private tokenNo = 0;
  private readonly listeners = new Set<() => void>();

  private constructor(
    readonly user: string,
    readonly aor: string,
    readonly sipPort: number,
    readonly ctrlPort: number,
    readonly recDir: string,
    readonly workDir: string,
    readonly proc: LabProcess,
  ) {}

  /** This phone's address at the lab PBX (what the console dials is just the extension). */
  get uri(): string {
    return this.aor;
  }

  get pid(): number {
    return this.proc.pid;
  }

  logs(): string {
    return this.proc.logs();
  }

  static async start(o: BaresipOptions): Promise<BaresipPhone> {
    if (!existsSync(BARESIP_BIN)) {
      throw new Error(`${BARESIP_BIN} is missing: apt-get install -y --no-install-recommends baresip-core (or run .ci/run)`);
    }
    const workDir = await mkdtemp(join(tmpdir(), `fd-baresip-${o.user}-`));
    const recDir = join(workDir, 'rec');
    await mkdir(recDir);
    const sipPort = await freeSipPort();
    const ctrlPort = await freeTcpPort();
    const rtp = randomPortBlock(100);
    const source = o.audioFile ? `aufile,${o.audioFile}` : `ausine,${o.toneHz ?? 1000}`;
    // values are single tokens; "#" starts a comment
    const config = [
      'poll_method epoll',
      `sip_listen 127.0.0.1:${sipPort}`,
      'net_interface 127.0.0.1',
      'call_local_timeout 120',
      `call_max_calls ${o.maxCalls ?? 4}`,
      'audio_player aubridge,nil',
      `audio_source ${source}`,
      'audio_alert aubridge,nil',
      'audio_level no',
      'ausrc_srate 48000',
      'auplay_srate 48000',
      'ausrc_channels 2',
      'audio_buffer 20-160',
      'ausrc_format s16',
      'auplay_format s16',
      'auenc_format s16',
      'audec_format s16',
      `rtp_ports ${rtp.min}-${rtp.max}`,
      'rtcp_mux no',
      'jitter_buffer_delay 1-10',
      'rtp_stats yes',
      'rtp_timeout 0',
      `snd_path ${recDir}`,
      `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`,
      `module_path ${BARESIP_MODULES}`,
      'module g711.so',
      'module g722.so',
      'module opus.so',
      'module ausine.so',
      'module aufile.so',
      'module aubridge.so',
      'module sndfile.so',
      'module_tmp uuid.so',
      'module_tmp account.so',
      'module_app menu.so',
      'module_app ctrl_tcp.so',
      '',
    ].join('\n');
    const aor = `sip:${o.user}@${o.registrar}`;
    let account = `<${aor};transport=udp>;outbound="sip:${o.registrar};transport=udp";answermode=${o.answerMode ?? 'auto'};regint=600`;
    if (o.codecs) account += `;audio_codecs=${o.codecs}`;
    await writeFile(join(workDir, 'config'), config);
    await writeFile(join(workDir, 'accounts'), `${account}\n`);
    await writeFile(join(workDir, 'contacts'), '');
    const proc = spawnLabProcess(`baresip-${o.user}`, BARESIP_BIN, ['-f', workDir, '-s'], { cwd: workDir, logFile: join(workDir, 'baresip.log'), echo: o.echoLogs });
    const phone = new BaresipPhone(o.user, aor, sipPort, ctrlPort, recDir, workDir, proc);
    try {
      await phone.connect(10_000);
      // ctrl_tcp connects after the first REGISTER went out, so its REGISTER_OK event is usually missed: the log says it
      await phone.proc.waitForLog(/\{\d+\/UDP\/v4\} 200 OK/, 10_000);
    } catch (err) {
      await phone.stop();
      throw err;
    }
    return phone;
  }

  private async connect(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.proc.exited()) throw new Error(`baresip ${this.user} exited during start\n${this.logs().slice(-4000)}`);
      try {
        this.sock = await new Promise<Socket>((resolve, reject) => {
          const s = connect({ host: '127.0.0.1', port: this.ctrlPort });
          s.once('connect', () => resolve(s));
          s.once('error', reject);
        });
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`baresip ${this.user}: ctrl_tcp 127.0.0.1:${this.ctrlPort} not listening\n${this.logs().slice(-4000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    this.sock.on('data', (d: Buffer) => this.onData(d));
    this.sock.on('error', () => undefined);
    this.sock.on('close', () => {
      for (const p of this.pending.values()) p.reject(new Error(`baresip ${this.user}: control connection closed`));
      this.pending.clear();
    });
  }

  /** ctrl_tcp frames are netstrings, `<len>:<json>,`, both ways. */
  private onData(d: Buffer): void {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const colon = this.buf.indexOf(0x3a);
      if (colon < 0) return;
      const len = Number(this.buf.subarray(0, colon).toString('latin1'));
      if (!Number.isFinite(len) || this.buf.length < colon + 1 + len + 1) return;
      const json = this.buf.subarray(colon + 1, colon + 1 + len).toString('utf8');
      this.buf = this.buf.subarray(colon + 1 + len + 1);
      let msg: Record<string, unknown>;
      try {
        msg = JSON.parse(json) as Record<string, unknown>;
      } catch {
        continue;
      }
      if (msg.response && typeof msg.token === 'string') {
        const p = this.pending.get(msg.token);
        this.pending.delete(msg.token);
        p?.resolve({ ok: msg.ok === true, data: typeof msg.data === 'string' ? msg.data : '' });
      } else if (msg.event) {
        this.events.push({ ...(msg as Omit<BaresipEvent, 'at'>), at: Date.now() });
        for (const l of this.listeners) l();
      }
    }
  }

  /** Sends one ctrl_tcp command (a menu command name) and waits for its response. */
  command(command: string, params = ''): Promise<{ ok: boolean; data: string }> {
    const sock = this.sock;
    if (!sock) return Promise.reject(new Error('not connected'));
    const token = `t${++this.tokenNo}`;
    const body = Buffer.from(JSON.stringify({ command, params, token }), 'utf8');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(token);
        reject(new Error(`baresip ${this.user}: no response to ${command} ${params}`));
      }, 5000);
      this.pending.set(token, {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      sock.write(Buffer.concat([Buffer.from(`${body.length}:`, 'latin1'), body, Buffer.from(',', 'latin1')]));
    });
  }

  private async must(command: string, params = ''): Promise<string> {
    const r = await this.command(command, params);
    if (!r.ok) throw new Error(`baresip ${this.user}: ${command} ${params} failed: ${r.data}`);
    return r.data;
  }

  /** Events seen since index `from` (default: all) that match. */
  find(pred: (e: BaresipEvent) => boolean, from = 0): BaresipEvent[] {
    return this.events.slice(from).filter(pred);
  }

  waitForEvent(pred: (e: BaresipEvent) => boolean, timeoutMs = 10_000, what = 'event', from = 0): Promise<BaresipEvent> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.events.slice(from).find(pred);
        if (hit) done(undefined, hit);
        else if (this.proc.exited()) done(new Error(`baresip ${this.user} exited while waiting for ${what}`));
      };
      const timer = setTimeout(
        () => done(new Error(`baresip ${this.user}: no ${what} within ${timeoutMs} ms; events: ${this.events.map((e) => `${e.type}(${e.param ?? ''})`).join(' ')}`)),
        timeoutMs,
      );
      const done = (err?: Error, ev?: BaresipEvent) => {
        clearTimeout(timer);
        this.listeners.delete(check);
        if (err) reject(err);
        else resolve(ev!);
      };
      this.listeners.add(check);
      check();
    });
  }

  dial(uri: string): Promise<string> {
    return this.must('dial', uri);
  }
  accept(): Promise<string> {
    return this.must('accept');
  }
  hangup(): Promise<string> {
    return this.must('hangup');
  }
  hold(): Promise<string> {
    return this.must('hold');
  }
  resume(): Promise<string> {
    return this.must('resume');
  }
  listCalls(): Promise<string> {
    return this.must('listcalls');
  }

  /** Digits reported as received (CALL_DTMF_START) since event index `from`. */
  receivedDigits(from = 0): string {
    return this.find((e) => e.type === 'CALL_DTMF_START', from)
      .map((e) => e.param ?? '')
      .join('');
  }

  /** The sndfile dumps of what this phone heard (newest last). Names have one-second resolution. */
  receivedRecordings(): string[] {
    return readdirSync(this.recDir)
      .filter((f) => f.endsWith('-dec.wav'))
      .sort()
      .map((f) => join(this.recDir, f));
  }

  async stop(): Promise<void> {
    this.sock?.destroy();
    await this.proc.stop(3000);
    await rm(this.workDir, { recursive: true, force: true });
  }
}
