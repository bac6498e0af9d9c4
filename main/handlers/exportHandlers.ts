// files.*: exports (CSV/JSON logs, archive bundles) streamed from the renderer in chunks. The user picks
// the target in a save dialog at begin; bytes go to a hidden temp file beside it and are renamed into
// place only at finish, so a cancelled or crashed export never leaves a half file under the real name.
import { promises as nodeFs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BridgeHandlers } from '@shared/bridge/contract';
import { fail, ok, type BridgeResult } from '@shared/bridge/result';

export interface SaveDialogLike {
  (options: { title?: string; defaultPath: string; filters?: Array<{ name: string; extensions: string[] }> }): Promise<{
    canceled: boolean;
    filePath?: string;
  }>;
}

export interface ExportHandlerDeps {
  showSaveDialog: SaveDialogLike;
  /** Folder the dialog opens in (the user's Downloads). */
  defaultDirectory: string;
  /** The file system (tests inject disk-full and permission errors here; they run as root, so chmod proves nothing). */
  fs?: ExportFs;
}

/** The part of node:fs/promises the exports (and the backups) use. */
export type ExportFs = Pick<typeof nodeFs, 'open' | 'rename' | 'rm'>;

/** Open exports at once; an abandoned export must not hold file handles for ever. */
const MAX_OPEN_EXPORTS = 8;

interface OpenExport {
  targetPath: string;
  tempPath: string;
  file: FileHandle;
  nextSeq: number;
  bytesWritten: number;
  /**
   * The export's operations run one after another (a promise chain per export): two writes with the same
   * seq both passed the seq check before either had written, and both were written and answered ok.
   */
  queue: Promise<unknown>;
}

function dialogFilters(name: string): Array<{ name: string; extensions: string[] }> {
  const ext = path.extname(name).slice(1);
  const all = { name: 'All files', extensions: ['*'] };
  return ext ? [{ name: ext.toUpperCase(), extensions: [ext] }, all] : [all];
}

export type ExportHandlers = BridgeHandlers['files'] & {
  abortAll(): Promise<void>;
  /**
   * Main's own exports (scheduled backups): opens the temp file beside `targetPath` without a dialog; the
   * renderer then streams through files.writeChunk and main finishes it. Not a bridge method.
   */
  beginAt(targetPath: string): Promise<BridgeResult<{ exportId: string }>>;
};

export function createExportHandlers(deps: ExportHandlerDeps): ExportHandlers {
  const fs = deps.fs ?? nodeFs;
  const open = new Map<string, OpenExport>();
  // Begins waiting on their save dialog hold a slot too: counting only `open` let 30 concurrent begins
  // through the limit of 8, because none was open yet while its dialog was up.
  let reserved = 0;

  /** Runs `work` after every earlier operation on this export has finished. */
  const inOrder = <T>(entry: OpenExport, work: () => Promise<T>): Promise<T> => {
    const next = entry.queue.then(work, work);
    entry.queue = next.catch(() => undefined);
    return next;
  };

  const notFound = (exportId: string) =>
    fail('not-found', `no open export with exportId "${exportId}" (never begun, already finished or aborted)`);

  async function discard(exportId: string, entry: OpenExport): Promise<void> {
    open.delete(exportId);
    await entry.file.close().catch(() => undefined);
    await fs.rm(entry.tempPath, { force: true });
  }

  /** The part of beginExport after its slot is reserved: the save dialog, then the temp file. */
  async function beginReserved(suggestedName: string) {
    const choice = await deps.showSaveDialog({
      defaultPath: path.join(deps.defaultDirectory, suggestedName),
      filters: dialogFilters(suggestedName),
    });
    if (choice.canceled || !choice.filePath) return fail('cancelled', 'the save dialog was dismissed');
    return openTemp(path.resolve(choice.filePath));
  }

  async function openTemp(targetPath: string): Promise<BridgeResult<{ exportId: string }>> {
    const exportId = randomUUID();
    const tempPath = path.join(path.dirname(targetPath), `.${path.basename(targetPath)}.${exportId}.part`);
    let file: FileHandle;
    try {
      file = await fs.open(tempPath, 'wx', 0o600);
    } catch (error) {
      return fail('io-error', `cannot create ${tempPath}: ${(error as Error).message}`);
    }
    open.set(exportId, { targetPath, tempPath, file, nextSeq: 0, bytesWritten: 0, queue: Promise.resolve() });
    return ok({ exportId });
  }

  return {
    async beginAt(targetPath) {
      if (open.size + reserved >= MAX_OPEN_EXPORTS) {
        return fail('invalid-request', `too many exports open at once (limit ${MAX_OPEN_EXPORTS}); finish or abort one`);
      }
      return openTemp(path.resolve(targetPath));
    },

    async beginExport({ suggestedName }) {
      if (open.size + reserved >= MAX_OPEN_EXPORTS) {
        return fail('invalid-request', `too many exports open at once (limit ${MAX_OPEN_EXPORTS}); finish or abort one`);
      }
      reserved += 1;
      try {
        return await beginReserved(suggestedName);
      } finally {
        reserved -= 1;
      }
    },

    writeChunk({ exportId, seq, bytes }) {
      const entry = open.get(exportId);
      if (!entry) return Promise.resolve(notFound(exportId));
      return inOrder(entry, async () => {
        if (open.get(exportId) !== entry) return notFound(exportId); // finished or aborted while queued
        // Chunks must come in order, once each: a lost or repeated chunk would corrupt the file silently.
        if (seq !== entry.nextSeq) {
          return fail('invalid-request', `seq ${seq} is out of order for export ${exportId}; expected ${entry.nextSeq}`);
        }
        try {
          await entry.file.write(bytes);
        } catch (error) {
          await discard(exportId, entry);
          return fail('io-error', `writing the export failed, export aborted: ${(error as Error).message}`);
        }
        entry.nextSeq += 1;
        entry.bytesWritten += bytes.byteLength;
        return ok({ bytesWritten: entry.bytesWritten });
      });
    },

    finishExport({ exportId }) {
      const entry = open.get(exportId);
      if (!entry) return Promise.resolve(notFound(exportId));
      return inOrder(entry, async () => {
        if (open.get(exportId) !== entry) return notFound(exportId);
        open.delete(exportId);
        try {
          await entry.file.sync();
          await entry.file.close();
          await fs.rename(entry.tempPath, entry.targetPath);
        } catch (error) {
          await entry.file.close().catch(() => undefined);
          await fs.rm(entry.tempPath, { force: true });
          return fail('io-error', `saving ${entry.targetPath} failed: ${(error as Error).message}`);
        }
        return ok({ saved: 'file' as const, path: entry.targetPath, bytesWritten: entry.bytesWritten });
      });
    },

    abortExport({ exportId }) {
      const entry = open.get(exportId);
      if (!entry) return Promise.resolve(notFound(exportId));
      return inOrder(entry, async () => {
        if (open.get(exportId) !== entry) return notFound(exportId);
        await discard(exportId, entry);
        return ok({ aborted: true as const });
      });
    },

    /** On quit: remove every partial file (after any write in flight on it). */
    async abortAll() {
      await Promise.all([...open.entries()].map(([id, entry]) => inOrder(entry, () => discard(id, entry))));
    },
  };

}
