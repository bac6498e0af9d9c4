// Runs scheduled backups from the renderer, where the data is: asks main whether one is due, writes the
// bundle through the bridge (backup.begin → files.writeChunk → backup.finish) and publishes the outcome. One
// at a time: a check while a backup runs, or "Back up now" pressed twice, starts nothing. A failure on this
// side (the database could not be read) is reported to main with backup.recordFailure, so it is recorded and
// retried like a failure of the disk.
import type { FrontDeskBridge } from '@shared/bridge/contract';
import type { BackupStatus } from '@shared/bridge/schemas';
import { MAX_EXPORT_CHUNK_BYTES } from '@shared/bridge/limits';
import type { BackupFailureReason } from '@shared/backup/backupSchedule';
import { messageOf } from '@shared/errors/messageOf';
import { backupDisplayOf, type BackupDisplay } from '../../ui/status/backupStatus';

export interface BackupBundle {
  chunks: AsyncIterable<Uint8Array>;
  /** Called once main has verified and kept the file (the audit entry). */
  saved?: (file: string) => Promise<void>;
}

export interface BackupRunnerDeps {
  bridge: Pick<FrontDeskBridge, 'backup' | 'files'>;
  /** The bundle of the whole database (archiveBundle, loaded only when a backup runs). */
  makeBundle: () => Promise<BackupBundle>;
  publish: (display: BackupDisplay) => void;
  /** Runs once before the first supported status is published (loads the strings the status bar shows). */
  prepare?: () => Promise<unknown>;
  /** A backup that failed (loudly: a notification); `reason` from main's record. */
  onFailure: (reason: BackupFailureReason, message: string) => void;
  onSuccess?: (file: string) => void;
}

export type BackupRunOutcome = { status: 'saved'; file: string } | { status: 'failed'; message: string } | { status: 'busy' } | { status: 'notDue' };

export interface BackupRunner {
  /** Reads the status and runs a backup when one is due. */
  check(): Promise<BackupRunOutcome>;
  /** Runs a backup now (the Archive screen's "Back up now"). */
  runNow(): Promise<BackupRunOutcome>;
  refresh(): Promise<BackupStatus | null>;
}

function* pieces(bytes: Uint8Array): Generator<Uint8Array> {
  if (bytes.byteLength <= MAX_EXPORT_CHUNK_BYTES) {
    yield bytes;
    return;
  }
  for (let offset = 0; offset < bytes.byteLength; offset += MAX_EXPORT_CHUNK_BYTES) yield bytes.subarray(offset, offset + MAX_EXPORT_CHUNK_BYTES);
}

export function createBackupRunner(deps: BackupRunnerDeps): BackupRunner {
  const { bridge } = deps;
  let busy = false;
  let prepared: Promise<unknown> | undefined;

  async function refresh(): Promise<BackupStatus | null> {
    const status = await bridge.backup.status();
    if (!status.ok) return null;
    if (status.value.supported && deps.prepare) {
      prepared ??= deps.prepare().catch(() => undefined);
      await prepared;
    }
    deps.publish(backupDisplayOf(status.value));
    return status.value;
  }

  async function failedRun(message: string): Promise<BackupRunOutcome> {
    const status = await refresh();
    const reason = status?.lastAttempt && !status.lastAttempt.ok ? (status.lastAttempt.reason ?? 'other') : 'other';
    deps.onFailure(reason, message);
    return { status: 'failed', message };
  }

  async function run(): Promise<BackupRunOutcome> {
    if (busy) return { status: 'busy' };
    busy = true;
    try {
      deps.publish({ state: 'running' });
      const begun = await bridge.backup.begin();
      if (!begun.ok) return await failedRun(begun.error.message);
      const { exportId, fileName } = begun.value;
      let bundle: BackupBundle;
      try {
        bundle = await deps.makeBundle();
        let seq = 0;
        for await (const chunk of bundle.chunks) {
          for (const piece of pieces(chunk)) {
            const written = await bridge.files.writeChunk({ exportId, seq, bytes: piece });
            if (!written.ok) {
              await bridge.backup.recordFailure({ exportId, message: written.error.message });
              return await failedRun(written.error.message);
            }
            seq += 1;
          }
        }
      } catch (error) {
        const message = `the backup could not be written: ${messageOf(error)}`.slice(0, 2000);
        await bridge.backup.recordFailure({ exportId, message });
        return await failedRun(message);
      }
      const finished = await bridge.backup.finish({ exportId });
      if (!finished.ok) return await failedRun(finished.error.message);
      await bundle.saved?.(fileName).catch(() => undefined);
      await refresh();
      deps.onSuccess?.(finished.value.file);
      return { status: 'saved', file: finished.value.file };
    } finally {
      busy = false;
    }
  }

  return {
    refresh,
    runNow: run,
    async check() {
      if (busy) return { status: 'busy' };
      const status = await refresh();
      if (!status?.supported || !status.due) return { status: 'notDue' };
      return run();
    },
  };
}
