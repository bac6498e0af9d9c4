// The archive bundle: one ZIP holding `manifest.json`, one JSON-lines file per table (`tables/<table>.jsonl`,
// one stored row per line, exactly as stored) and, for people, one CSV per table (`csv/<table>.csv`). The
// manifest names every other file with its row count, byte count and SHA-256, so a bundle can be verified
// without importing it (README.md, "Archive format"). The ZIP's own CRC catches accidental damage; the
// SHA-256 in the manifest is what the destruction of expired records relies on (docs/ARCHITECTURE.md).
import { z } from 'zod';

/** Bumped when the layout or the manifest changes; restore upgrades older formats (see `upgradeManifest`). */
export const ARCHIVE_FORMAT_VERSION = 1;
export const ARCHIVE_FORMAT = 'frontdesk-archive';
export const MANIFEST_PATH = 'manifest.json';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');
const count = z.number().int().nonnegative();

export const bundleFileSchema = z.object({
  path: z.string().min(1).max(200).regex(/^(tables|csv|volumes)\/[A-Za-z0-9._-]+$/, 'a file inside tables/, csv/ or volumes/'),
  kind: z.enum(['jsonl', 'csv', 'pdf']),
  /** The table the file holds (jsonl and csv files). */
  table: z.string().min(1).max(64).optional(),
  rows: count,
  bytes: count,
  sha256: sha256Hex,
});
export type BundleFile = z.infer<typeof bundleFileSchema>;

export const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  appVersion: z.string().min(1).max(64),
  /** The database schema version the rows were read from (restore upgrades older rows). */
  schemaVersion: z.number().int().positive(),
  createdAt: z.number().int().nonnegative(),
  deskId: z.string().min(1).max(64),
  /** Rows created in [from, to) (UTC epoch ms); null for the whole database. */
  range: z.object({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative() }).nullable(),
  files: z.array(bundleFileSchema).max(500),
});
export type BundleManifest = z.infer<typeof manifestSchema>;

export function jsonlPath(table: string): string {
  return `tables/${table}.jsonl`;
}
export function csvPath(table: string): string {
  return `csv/${table}.csv`;
}

/** A manifest from a newer app is refused; an older one is brought to today's shape (none exist yet). */
export type ManifestReading =
  | { ok: true; manifest: BundleManifest }
  | { ok: false; problem: 'notJson' | 'notManifest' | 'newerFormat'; detail?: string };

export function readManifest(text: string): ManifestReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  const version = (value as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > ARCHIVE_FORMAT_VERSION) return { ok: false, problem: 'newerFormat', detail: String(version) };
  const parsed = manifestSchema.safeParse(upgradeManifest(value));
  if (!parsed.success) return { ok: false, problem: 'notManifest', detail: parsed.error.issues[0]?.path.join('.') };
  return { ok: true, manifest: parsed.data };
}

/** Format 1 is the first; a later format adds its step here (older → newer), never edits one. */
export function upgradeManifest(value: unknown): unknown {
  return value;
}

/** What was found in the ZIP for one file: measured while streaming it. */
export interface ObservedFile {
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export type FileProblem =
  | { path: string; problem: 'missing' }
  | { path: string; problem: 'unlisted' }
  | { path: string; problem: 'checksum'; expected: string; actual: string }
  | { path: string; problem: 'rows'; expected: number; actual: number }
  | { path: string; problem: 'bytes'; expected: number; actual: number };

export interface VerifyReport {
  ok: boolean;
  /** Files whose size, row count and checksum all match. */
  matching: number;
  problems: FileProblem[];
  /** Rows per table the bundle holds (from the verified JSON-lines files). */
  rowsByTable: Record<string, number>;
}

/** Compares what the manifest promises with what the ZIP holds. Pure: the reading is done elsewhere. */
export function compareWithManifest(manifest: BundleManifest, observed: readonly ObservedFile[]): VerifyReport {
  const seen = new Map(observed.map((file) => [file.path, file]));
  const problems: FileProblem[] = [];
  const rowsByTable: Record<string, number> = {};
  let matching = 0;
  for (const file of manifest.files) {
    const found = seen.get(file.path);
    seen.delete(file.path);
    if (!found) {
      problems.push({ path: file.path, problem: 'missing' });
      continue;
    }
    const before = problems.length;
    if (found.sha256 !== file.sha256) problems.push({ path: file.path, problem: 'checksum', expected: file.sha256, actual: found.sha256 });
    if (found.bytes !== file.bytes) problems.push({ path: file.path, problem: 'bytes', expected: file.bytes, actual: found.bytes });
    if (file.kind === 'jsonl' && found.rows !== file.rows) problems.push({ path: file.path, problem: 'rows', expected: file.rows, actual: found.rows });
    if (problems.length === before) {
      matching += 1;
      if (file.kind === 'jsonl' && file.table) rowsByTable[file.table] = file.rows;
    }
  }
  for (const path of seen.keys()) if (path !== MANIFEST_PATH) problems.push({ path, problem: 'unlisted' });
  return { ok: problems.length === 0, matching, problems, rowsByTable };
}

/** Counts the lines of a JSON-lines stream, chunk by chunk (a row never contains a raw line feed). */
export function countLineFeeds(chunk: Uint8Array): number {
  let lines = 0;
  for (let i = 0; i < chunk.length; i += 1) if (chunk[i] === 0x0a) lines += 1;
  return lines;
}

/** One stored row as one line: JSON has no raw line feeds inside strings, so a line is a row. */
export function jsonLine(row: unknown): string {
  return `${JSON.stringify(row)}\n`;
}
