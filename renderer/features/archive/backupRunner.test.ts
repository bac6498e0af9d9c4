// The renderer's backup runner against a fake main: a due backup runs once (however many checks arrive), a
// failure on either side is recorded with main and raised loudly, and nothing runs where backups are unsupported.
import { describe, expect, it, vi } from 'vitest';
import { fail, ok, type BridgeResult } from '@shared/bridge/result';
import type { BackupStatus } from '@shared/bridge/schemas';
import type { BackupDisplay } from '../../ui/status/backupStatus';
import { createBackupRunner, type BackupRunnerDeps } from './backupRunner';

function fakeMain(initial: Partial<BackupStatus> = {}) {
  let status: BackupStatus = { supported: true, folder: '/backups', everyHours: 24, keep: 14, lastSuccessAt: null, lastAttempt: null, due: true, dueAt: 0, running: false, ...initial };
  const written: Uint8Array[] = [];
  const backup = {
    status: vi.fn(async () => ok(status)),
    begin: vi.fn(async () => {
      status = { ...status, running: true, due: false };
      return ok({ exportId: 'backup-export-1', fileName: 'frontdesk-backup-20261202-090000-000.zip' });
    }),
    finish: vi.fn(async () => {
      status = { ...status, running: false, due: false, lastSuccessAt: 1, lastAttempt: { at: 1, ok: true, file: 'frontdesk-backup-20261202-090000-000.zip', bytes: 6 } };
      return ok({ file: '/backups/frontdesk-backup-20261202-090000-000.zip', bytes: 6, removed: [] });
    }),
    recordFailure: vi.fn(async ({ message }: { message: string }) => {
      status = { ...status, running: false, lastAttempt: { at: 2, ok: false, message, reason: /ENOSPC/.test(message) ? 'diskFull' : 'other' }, dueAt: 600_002 };
      return ok(status);
    }),
    chooseFolder: vi.fn(),
    setSchedule: vi.fn(),
    list: vi.fn(),
  };
  const files = {
    writeChunk: vi.fn(async ({ bytes }: { exportId: string; seq: number; bytes: Uint8Array }): Promise<BridgeResult<{ bytesWritten: number }>> => {
      written.push(bytes);
      return ok({ bytesWritten: written.reduce((n, b) => n + b.byteLength, 0) });
    }),
    beginExport: vi.fn(),
    finishExport: vi.fn(),
    abortExport: vi.fn(),
  };
  return { backup, files, written, bridge: { backup, files } as unknown as BackupRunnerDeps['bridge'] };
}

function runnerWith(main: ReturnType<typeof fakeMain>, makeBundle: BackupRunnerDeps['makeBundle'] = async () => ({ chunks: [new Uint8Array([1, 2, 3]), new Uint8Array([4, 5, 6])] as unknown as AsyncIterable<Uint8Array> })) {
  const published: BackupDisplay[] = [];
  const onFailure = vi.fn();
  const saved = vi.fn(async () => undefined);
  const runner = createBackupRunner({
    bridge: main.bridge,
    makeBundle: async () => ({ ...(await makeBundle()), saved }),
    publish: (d) => published.push(d),
    onFailure,
  });
  return { runner, published, onFailure, saved };
}

describe('backup runner', () => {
  it('runs a due backup once, even when checks overlap, and publishes the result', async () => {
    const main = fakeMain();
    const { runner, published, saved } = runnerWith(main);
    const outcomes = await Promise.all([runner.check(), runner.check(), runner.runNow()]);
    expect(outcomes.filter((o) => o.status === 'saved')).toHaveLength(1);
    expect(main.backup.begin).toHaveBeenCalledTimes(1);
    expect(main.files.writeChunk.mock.calls.map(([r]) => r.seq)).toEqual([0, 1]);
    expect(main.backup.finish).toHaveBeenCalledWith({ exportId: 'backup-export-1' });
    expect(saved).toHaveBeenCalledWith('frontdesk-backup-20261202-090000-000.zip');
    expect(published.at(-1)).toEqual({ state: 'ok', at: 1, file: 'frontdesk-backup-20261202-090000-000.zip' });
    // Not due any more: the next check starts nothing.
    expect(await runner.check()).toEqual({ status: 'notDue' });
    expect(main.backup.begin).toHaveBeenCalledTimes(1);
  });

  it('a write refused by main (disk full) is recorded, raised and published as failed', async () => {
    const main = fakeMain();
    main.files.writeChunk.mockImplementationOnce(async () => fail('io-error', 'writing the export failed, export aborted: ENOSPC: no space left on device'));
    const { runner, published, onFailure } = runnerWith(main);
    expect(await runner.check()).toMatchObject({ status: 'failed', message: expect.stringContaining('ENOSPC') });
    expect(main.backup.recordFailure).toHaveBeenCalledWith({ exportId: 'backup-export-1', message: expect.stringContaining('ENOSPC') });
    expect(main.backup.finish).not.toHaveBeenCalled();
    expect(onFailure).toHaveBeenCalledWith('diskFull', expect.stringContaining('ENOSPC'));
    expect(published.at(-1)).toMatchObject({ state: 'failed', reason: 'diskFull', retryAt: 600_002 });
  });

  it('a failure on the renderer side (the database cannot be read) is recorded with main', async () => {
    const main = fakeMain();
    const { runner, onFailure } = runnerWith(main, async () => {
      throw new Error('DatabaseClosedError');
    });
    expect(await runner.check()).toMatchObject({ status: 'failed' });
    expect(main.backup.recordFailure).toHaveBeenCalledWith({ exportId: 'backup-export-1', message: expect.stringContaining('DatabaseClosedError') });
    expect(onFailure).toHaveBeenCalledWith('other', expect.any(String));
  });

  it('does nothing where backups are unsupported, and says so to the status bar', async () => {
    const main = fakeMain({ supported: false, due: false, folder: null });
    const { runner, published } = runnerWith(main);
    expect(await runner.check()).toEqual({ status: 'notDue' });
    expect(main.backup.begin).not.toHaveBeenCalled();
    expect(published).toEqual([{ state: 'unsupported' }]);
  });
});
