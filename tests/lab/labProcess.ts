/**
 * One lab daemon (rtpengine, baresip) run in the foreground in its own process group and stopped by PID:
 * SIGTERM, then SIGKILL after a grace period. Its output goes to a log file and to logs() (last 256 KB).
 * A process left running when Node exits is killed by the exit hook, so a crashed test never leaks one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';

export interface LabProcess {
  readonly pid: number;
  readonly name: string;
  logs(): string;
  /** resolves once `pattern` appears in the output (or rejects when the process exits first / after timeoutMs) */
  waitForLog(pattern: RegExp, timeoutMs: number): Promise<void>;
  exited(): boolean;
  stop(graceMs?: number): Promise<void>;
}

const live = new Set<number>();
let hooked = false;

function signalGroup(pid: number, signal: NodeJS.Signals): void {
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

/** Resolves true once `child` has exited, false after `ms` (also used by tests/lab/kamailioProcess.ts). */
export function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, ms);
    const onExit = () => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

export function spawnLabProcess(name: string, bin: string, args: string[], options: { cwd: string; logFile: string; echo?: boolean }): LabProcess {
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const pid of live) signalGroup(pid, 'SIGKILL');
    });
  }
  const child = spawn(bin, args, { cwd: options.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not spawn ${bin}`);
  const pid = child.pid;
  live.add(pid);
  const file = createWriteStream(options.logFile);
  let out = '';
  const waiters = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d.toString('utf8');
    if (out.length > 256 * 1024) out = out.slice(-256 * 1024);
    file.write(d);
    if (options.echo) process.stderr.write(`[${name}] ${d.toString('utf8')}`);
    for (const w of waiters) w();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  child.once('exit', () => {
    live.delete(pid);
    file.end();
    for (const w of waiters) w();
  });
  const isExited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    pid,
    name,
    logs: () => out,
    exited: isExited,
    waitForLog(pattern, timeoutMs) {
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(out)) done();
          else if (isExited()) done(new Error(`${name} exited (code ${child.exitCode ?? ''} signal ${child.signalCode ?? ''}) before ${pattern}\n${out.slice(-4000)}`));
        };
        const timer = setTimeout(() => done(new Error(`${name}: no ${pattern} within ${timeoutMs} ms\n${out.slice(-4000)}`)), timeoutMs);
        const done = (err?: Error) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (err) reject(err);
          else resolve();
        };
        waiters.add(check);
        check();
      });
    },
    async stop(graceMs = 3000) {
      if (!isExited()) {
        signalGroup(pid, 'SIGTERM');
        if (!(await waitExit(child, graceMs))) {
          signalGroup(pid, 'SIGKILL');
          await waitExit(child, 5000);
        }
      }
      live.delete(pid);
    },
  };
}
