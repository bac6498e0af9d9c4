// backup.*: scheduled backups. The data lives in the renderer's IndexedDB, so the renderer writes the bundle
// (through files.writeChunk); main owns the rest: the chosen folder, the schedule, the file (a temp file
// renamed into place), reading it back and verifying it against its manifest with the same code as the
// Archive screen (shared/archive/readBundle.ts), deleting the oldest backups beyond `keep`, and the record of
// every attempt in userData/backup.json. A failure (folder missing, disk full, permission denied, a file that
// does not verify) is recorded with its cause and makes the next attempt due after a short retry delay.
import { createReadStream, promises as nodeFs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BridgeHandlers } from '@shared/bridge/contract';
import { fail, ok } from '@shared/bridge/result';
import { backupAttemptSchema, type BackupStatus } from '@shared/bridge/schemas';
import { verifyBundle } from '@shared/archive/readBundle';
import {
  BACKUP_DEFAULTS,
  BACKUP_FILE_PATTERN,
  BACKUP_RETRY_DELAY_MS,
  backupFileName,
  backupsToRemove,
  classifyBackupFailure,
  nextBackupAt,
  type BackupAttempt,
  type BackupFailureReason,
} from '@shared/backup/backupSchedule';
import { writeFileAtomically } from '../config/atomicFile';
import type { ExportHandlers } from './exportHandlers';

/** The part of the file system the backups read and delete with (tests inject faults here). */
export interface BackupFs {
  readdir(folder: string): Promise<string[]>;
  stat(file: string): Promise<{ size: number; mtimeMs: number }>;
  rm(file: string, options: { force: boolean }): Promise<void>;
  readStream(file: string): AsyncIterable<Uint8Array>;
}

const nodeBackupFs: BackupFs = {
  readdir: (folder) => nodeFs.readdir(folder),
  stat: (file) => nodeFs.stat(file),
  rm: (file, options) => nodeFs.rm(file, options),
  readStream: (file) => createReadStream(file),
};

export interface OpenFolderDialogLike {
  (options: { title?: string; properties: Array<'openDirectory' | 'createDirectory'> }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface BackupHandlerDeps {
  userDataDir: string;
  exports: Pick<ExportHandlers, 'beginAt' | 'finishExport' | 'abortExport'>;
  showOpenDialog: OpenFolderDialogLike;
  fs?: BackupFs;
  now?: () => number;
  retryDelayMs?: number;
  /** A backup begun this long ago and never finished (the page reloaded) no longer blocks the next one. */
  staleAfterMs?: number;
}

const storedSchema = z.object({
  folder: z.string().nullable(),
  everyHours: z.number().int().min(1).max(168),
  keep: z.number().int().min(1).max(365),
  lastSuccessAt: z.number().int().nullable(),
  lastAttempt: backupAttemptSchema.nullable(),
});
type Stored = z.infer<typeof storedSchema>;

const STATUS_FILE = 'backup.json';

function errorText(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  return typeof e?.message === 'string' ? e.message : String(error);
}

export function createBackupHandlers(deps: BackupHandlerDeps): BridgeHandlers['backup'] {
  const fs = deps.fs ?? nodeBackupFs;
  const now = deps.now ?? Date.now;
  const retryDelayMs = deps.retryDelayMs ?? BACKUP_RETRY_DELAY_MS;
  const staleAfterMs = deps.staleAfterMs ?? 30 * 60_000;
  const statusPath = path.join(deps.userDataDir, STATUS_FILE);
  let stored: Stored | undefined;
  let current: { exportId: string; fileName: string; target: string; startedAt: number } | null = null;

  async function load(): Promise<Stored> {
    if (stored) return stored;
    const defaults: Stored = { folder: null, ...BACKUP_DEFAULTS, lastSuccessAt: null, lastAttempt: null };
    try {
      const parsed = storedSchema.safeParse(JSON.parse(await nodeFs.readFile(statusPath, 'utf8')));
      stored = parsed.success ? parsed.data : defaults;
      if (!parsed.success) console.warn(`[backup] ${statusPath} is not a backup status file; starting from the defaults`);
    } catch (error) {
      if ((error as { code?: string }).code !== 'ENOENT') console.warn(`[backup] cannot read ${statusPath}: ${errorText(error)}`);
      stored = defaults;
    }
    return stored;
  }

  async function save(next: Stored): Promise<void> {
    stored = next;
    await writeFileAtomically(statusPath, `${JSON.stringify(next, null, 2)}\n`);
  }

  async function status(): Promise<BackupStatus> {
    const s = await load();
    const dueAt = nextBackupAt(s, retryDelayMs);
    const running = current !== null && now() - current.startedAt < staleAfterMs;
    return { supported: true, ...s, due: dueAt !== null && !running && now() >= dueAt, dueAt, running };
  }

  async function record(attempt: BackupAttempt): Promise<void> {
    const s = await load();
    try {
      await save({ ...s, lastAttempt: attempt, lastSuccessAt: attempt.ok ? attempt.at : s.lastSuccessAt });
    } catch (error) {
      // The status file itself could not be written (userData full too): keep it in memory, say so in the log.
      console.error(`[backup] cannot record the backup attempt: ${errorText(error)}`);
    }
  }

  async function recordFailure(message: string, reason: BackupFailureReason = classifyBackupFailure(message)) {
    console.warn(`[backup] failed (${reason}): ${message}`);
    await record({ at: now(), ok: false, message: message.slice(0, 2000), reason });
  }

  const failed = async (message: string, reason?: BackupFailureReason) => {
    await recordFailure(message, reason);
    return fail('io-error', message);
  };

  return {
    async status() {
      return ok(await status());
    },

    async chooseFolder() {
      const choice = await deps.showOpenDialog({ properties: ['openDirectory', 'createDirectory'] });
      const folder = choice.filePaths[0];
      if (choice.canceled || !folder) return fail('cancelled', 'the folder dialog was dismissed');
      const s = await load();
      const resolved = path.resolve(folder);
      try {
        // A new folder starts a new series: the first backup there is due at once.
        await save({ ...s, folder: resolved, lastAttempt: resolved === s.folder ? s.lastAttempt : null, lastSuccessAt: resolved === s.folder ? s.lastSuccessAt : null });
      } catch (error) {
        return fail('io-error', `cannot save the backup settings: ${errorText(error)}`);
      }
      return ok({ folder: resolved });
    },

    async setSchedule({ everyHours, keep }) {
      try {
        await save({ ...(await load()), everyHours, keep });
      } catch (error) {
        return fail('io-error', `cannot save the backup settings: ${errorText(error)}`);
      }
      return ok(await status());
    },

    async begin() {
      const s = await load();
      if (s.folder === null) return fail('not-found', 'no backup folder chosen yet (backup.chooseFolder)');
      if (current) {
        if (now() - current.startedAt < staleAfterMs) return fail('invalid-request', `a backup is already being written (${current.fileName})`);
        await deps.exports.abortExport({ exportId: current.exportId });
        current = null;
      }
      const fileName = backupFileName(now());
      const target = path.join(s.folder, fileName);
      const begun = await deps.exports.beginAt(target);
      if (!begun.ok) return failed(`cannot write a backup in ${s.folder}: ${begun.error.message}`);
      current = { exportId: begun.value.exportId, fileName, target, startedAt: now() };
      return ok({ exportId: begun.value.exportId, fileName });
    },

    async finish({ exportId }) {
      if (!current || current.exportId !== exportId) return fail('not-found', `no backup being written with exportId "${exportId}"`);
      const { target, fileName } = current;
      current = null;
      const finished = await deps.exports.finishExport({ exportId });
      if (!finished.ok) return failed(`saving the backup ${fileName} failed: ${finished.error.message}`);
      const folder = path.dirname(target);
      // Read the file back from the disk and check every entry against the manifest: a backup nobody can
      // restore is worse than none, because it looks like one.
      let problem: string | undefined;
      try {
        const outcome = await verifyBundle(fs.readStream(target));
        if (outcome.status === 'unreadable') problem = `it cannot be read back (${outcome.problem}${outcome.detail ? `: ${outcome.detail}` : ''})`;
        else if (outcome.status === 'damaged') problem = `it differs from its manifest (${outcome.report.problems.map((p) => `${p.path}: ${p.problem}`).join(', ')})`;
      } catch (error) {
        problem = `reading it back failed: ${errorText(error)}`;
      }
      if (problem !== undefined) {
        await fs.rm(target, { force: true }).catch(() => undefined);
        return failed(`the backup ${fileName} did not verify and was deleted: ${problem}`, 'verifyFailed');
      }
      const bytes = finished.value.bytesWritten;
      const removed: string[] = [];
      let rotationProblem: string | undefined;
      try {
        for (const old of backupsToRemove(await fs.readdir(folder), (await load()).keep)) {
          await fs.rm(path.join(folder, old), { force: true });
          removed.push(old);
        }
      } catch (error) {
        rotationProblem = `old backups could not all be deleted: ${errorText(error)}`;
        console.warn(`[backup] ${rotationProblem}`);
      }
      await record({ at: now(), ok: true, file: fileName, bytes, ...(rotationProblem ? { message: rotationProblem } : {}) });
      return ok({ file: target, bytes, removed });
    },

    async recordFailure({ exportId, message }) {
      if (current && (exportId === undefined || exportId === current.exportId)) {
        await deps.exports.abortExport({ exportId: current.exportId }); // not-found when a failed write already removed it
        current = null;
      }
      await recordFailure(message);
      return ok(await status());
    },

    async list() {
      const { folder } = await load();
      if (folder === null) return ok({ files: [] });
      try {
        const names = (await fs.readdir(folder)).filter((name) => BACKUP_FILE_PATTERN.test(name)).sort().reverse();
        const files = await Promise.all(
          names.map(async (file) => {
            const info = await fs.stat(path.join(folder, file));
            return { file, bytes: info.size, modifiedAt: info.mtimeMs };
          }),
        );
        return ok({ files });
      } catch (error) {
        return fail('io-error', `cannot list the backups in ${folder}: ${errorText(error)}`);
      }
    },
  };
}
