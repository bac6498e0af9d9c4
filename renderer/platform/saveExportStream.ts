// Streams an export through the bridge: begin (save dialog) → chunks in order → finish, with progress
// and cancellation. Any failure or an aborted signal aborts the export, so main removes the partial file.
import type { FrontDeskBridge } from '@shared/bridge/contract';
import type { BridgeError } from '@shared/bridge/result';
import type { FinishedExport } from '@shared/bridge/schemas';
import { MAX_EXPORT_CHUNK_BYTES } from '@shared/bridge/limits';

export interface SaveExportOptions {
  /** Called after each chunk is written, with the running byte total. */
  onProgress?: (bytesWritten: number) => void;
  signal?: AbortSignal;
  /** Chunks bigger than this are split (default and maximum: the bridge's 4 MiB limit). */
  chunkBytes?: number;
}

export type SaveExportOutcome =
  | { status: 'saved'; result: FinishedExport }
  | { status: 'cancelled' } // the user dismissed the dialog, or the signal aborted
  | { status: 'failed'; error: BridgeError };

function* split(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  if (bytes.byteLength <= size) {
    yield bytes;
    return;
  }
  for (let offset = 0; offset < bytes.byteLength; offset += size) yield bytes.subarray(offset, offset + size);
}

export async function saveExportStream(
  bridge: FrontDeskBridge,
  suggestedName: string,
  mimeType: string,
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: SaveExportOptions = {},
): Promise<SaveExportOutcome> {
  const { onProgress, signal } = options;
  const chunkBytes = Math.min(options.chunkBytes ?? MAX_EXPORT_CHUNK_BYTES, MAX_EXPORT_CHUNK_BYTES);
  if (signal?.aborted) return { status: 'cancelled' };

  const begun = await bridge.files.beginExport({ suggestedName, mimeType });
  if (!begun.ok) return begun.error.code === 'cancelled' ? { status: 'cancelled' } : { status: 'failed', error: begun.error };
  const { exportId } = begun.value;
  const abort = async () => {
    await bridge.files.abortExport({ exportId });
  };

  let seq = 0;
  try {
    for await (const chunk of chunks) {
      for (const piece of split(chunk, chunkBytes)) {
        if (signal?.aborted) {
          await abort();
          return { status: 'cancelled' };
        }
        const written = await bridge.files.writeChunk({ exportId, seq, bytes: piece });
        if (!written.ok) {
          await abort();
          return { status: 'failed', error: written.error };
        }
        seq += 1;
        onProgress?.(written.value.bytesWritten);
      }
    }
  } catch (error) {
    // The data source itself failed (e.g. a database read): do not leave a partial file behind.
    await abort();
    throw error;
  }
  if (signal?.aborted) {
    await abort();
    return { status: 'cancelled' };
  }
  const finished = await bridge.files.finishExport({ exportId });
  return finished.ok ? { status: 'saved', result: finished.value } : { status: 'failed', error: finished.error };
}
