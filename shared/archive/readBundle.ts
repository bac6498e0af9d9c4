// Reads an archive bundle as a stream (a File's stream in the renderer, a file read back by main after a
// scheduled backup; never the whole file in memory): fflate's streaming unzip hands each entry's bytes over
// chunk by chunk, and the caller's consumer hashes, counts or parses them. Pushes are synchronous, so the
// events of one input chunk are queued and then handed over in order with awaits between them (a consumer
// may write to the database). Plain TypeScript (fflate, @noble/hashes, TextDecoder): it runs in every process.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { Unzip, UnzipInflate } from 'fflate';
import { MANIFEST_PATH, compareWithManifest, countLineFeeds, readManifest, type BundleManifest, type ManifestReading, type ObservedFile, type VerifyReport } from '@shared/archive/bundleFormat';
import { ImportCancelledError } from '@shared/errors/importCancelled';

export type BundleSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

export interface EntryEvent {
  name: string;
  chunk: Uint8Array;
  final: boolean;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Bytes of the ZIP read so far. */
  onBytes?: (bytesRead: number) => void;
}

export class NotABundleError extends Error {
  constructor(readonly reason: string) {
    super(`not an archive bundle: ${reason}`);
    this.name = 'NotABundleError';
  }
}

async function* chunksOf(source: BundleSource): AsyncGenerator<Uint8Array> {
  if (typeof (source as ReadableStream<Uint8Array>).getReader === 'function') {
    const reader = (source as ReadableStream<Uint8Array>).getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader.releaseLock();
    }
  } else {
    yield* source as AsyncIterable<Uint8Array>;
  }
}

/** Calls `consume` for every piece of every entry, in order. Throws NotABundleError on a damaged ZIP. */
export async function readEntries(source: BundleSource, consume: (event: EntryEvent) => void | Promise<void>, options: ReadOptions = {}): Promise<void> {
  const queue: EntryEvent[] = [];
  let failure: unknown;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk, final) => {
      if (error) failure = error;
      else queue.push({ name: file.name, chunk, final });
    };
    try {
      file.start();
    } catch (error) {
      failure = error; // a compression method we do not read
    }
  });
  unzip.register(UnzipInflate);
  let bytesRead = 0;
  let sawAny = false;
  const flush = async () => {
    if (failure) throw new NotABundleError(String((failure as Error).message ?? failure));
    while (queue.length > 0) {
      sawAny = true;
      await consume(queue.shift()!);
    }
  };
  for await (const chunk of chunksOf(source)) {
    if (options.signal?.aborted) throw new ImportCancelledError();
    try {
      unzip.push(chunk, false);
    } catch (error) {
      throw new NotABundleError(String((error as Error).message ?? error));
    }
    bytesRead += chunk.byteLength;
    options.onBytes?.(bytesRead);
    await flush();
  }
  try {
    unzip.push(new Uint8Array(0), true);
  } catch (error) {
    throw new NotABundleError(String((error as Error).message ?? error));
  }
  await flush();
  if (!sawAny) throw new NotABundleError('no files in it');
}

export type VerifyOutcome =
  | { status: 'verified'; manifest: BundleManifest; report: VerifyReport }
  | { status: 'damaged'; manifest: BundleManifest; report: VerifyReport }
  | { status: 'unreadable'; problem: 'notZip' | 'noManifest' | Extract<ManifestReading, { ok: false }>['problem']; detail?: string };

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** Checks every file against the manifest without importing anything. */
export async function verifyBundle(source: BundleSource, options: ReadOptions = {}): Promise<VerifyOutcome> {
  const observed = new Map<string, { hash: ReturnType<typeof sha256.create>; bytes: number; rows: number }>();
  const finished: ObservedFile[] = [];
  const manifestParts: Uint8Array[] = [];
  let manifestBytes = 0;
  try {
    await readEntries(
      source,
      ({ name, chunk, final }) => {
        if (name === MANIFEST_PATH) {
          manifestBytes += chunk.byteLength;
          if (manifestBytes <= MAX_MANIFEST_BYTES) manifestParts.push(chunk);
          return;
        }
        let file = observed.get(name);
        if (!file) {
          file = { hash: sha256.create(), bytes: 0, rows: 0 };
          observed.set(name, file);
        }
        file.hash.update(chunk);
        file.bytes += chunk.byteLength;
        file.rows += countLineFeeds(chunk);
        if (final) finished.push({ path: name, bytes: file.bytes, rows: file.rows, sha256: bytesToHex(file.hash.digest()) });
      },
      options,
    );
  } catch (error) {
    if (error instanceof NotABundleError) return { status: 'unreadable', problem: 'notZip', detail: error.reason };
    throw error;
  }
  if (manifestParts.length === 0) return { status: 'unreadable', problem: 'noManifest' };
  if (manifestBytes > MAX_MANIFEST_BYTES) return { status: 'unreadable', problem: 'notManifest', detail: 'too large' };
  const reading = readManifest(new TextDecoder().decode(concat(manifestParts)));
  if (!reading.ok) return { status: 'unreadable', problem: reading.problem, detail: reading.detail };
  const report = compareWithManifest(reading.manifest, finished);
  return { status: report.ok ? 'verified' : 'damaged', manifest: reading.manifest, report };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    all.set(part, offset);
    offset += part.byteLength;
  }
  return all;
}
