// Scheduled backups in main, against a real temporary folder. Disk-full and permission errors are injected
// through the file-system dependency (CI runs as root, where chmod refuses nothing).
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BACKUP_RETRY_DELAY_MS } from '@shared/backup/backupSchedule';
import { createBackupHandlers } from './backupHandlers';
import { createExportHandlers, type ExportFs } from './exportHandlers';

let root: string;
let folder: string;
let userDataDir: string;
let clock: number;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'fd-backup-'));
  folder = path.join(root, 'backups');
  userDataDir = path.join(root, 'userData');
  await fs.mkdir(folder);
  clock = Date.UTC(2026, 11, 2, 9, 0, 0);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(async () => {
  vi.restoreAllMocks();
  await fs.rm(root, { recursive: true, force: true });
});

/** A small but real bundle: one JSON-lines table and its manifest with the right checksums. */
function bundleBytes(): Uint8Array {
  const rows = strToU8('{"id":"01A","name":"张三"}\n{"id":"01B","name":"Li Si"}\n');
  const manifest = {
    format: 'frontdesk-archive', formatVersion: 1, appVersion: '0.1.0', schemaVersion: 3, createdAt: clock, deskId: 'desk-1', range: null,
    files: [{ path: 'tables/visitors.jsonl', kind: 'jsonl', table: 'visitors', rows: 2, bytes: rows.byteLength, sha256: bytesToHex(sha256(rows)) }],
  };
  return zipSync({ 'tables/visitors.jsonl': rows, 'manifest.json': strToU8(JSON.stringify(manifest)) });
}

function setup(options: { exportFs?: ExportFs; folderChoice?: string } = {}) {
  const files = createExportHandlers({ defaultDirectory: root, showSaveDialog: async () => ({ canceled: true }), fs: options.exportFs });
  const backup = createBackupHandlers({
    userDataDir,
    exports: files,
    showOpenDialog: async () => ({ canceled: false, filePaths: [options.folderChoice ?? folder] }),
    now: () => clock,
  });
  return { files, backup };
}

async function runBackup({ files, backup }: ReturnType<typeof setup>, bytes = bundleBytes()) {
  const begun = await backup.begin(undefined);
  if (!begun.ok) return begun;
  const half = Math.floor(bytes.byteLength / 2);
  for (const [seq, part] of [bytes.subarray(0, half), bytes.subarray(half)].entries()) {
    const written = await files.writeChunk({ exportId: begun.value.exportId, seq, bytes: part });
    if (!written.ok) {
      await backup.recordFailure({ exportId: begun.value.exportId, message: written.error.message });
      return written;
    }
  }
  return backup.finish({ exportId: begun.value.exportId });
}

const statusOf = async (backup: ReturnType<typeof setup>['backup']) => {
  const s = await backup.status(undefined);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
};

describe('scheduled backups (main)', () => {
  it('writes a backup into the chosen folder, verifies it, records it and is due again a period later', async () => {
    const handlers = setup();
    expect(await statusOf(handlers.backup)).toMatchObject({ supported: true, folder: null, everyHours: 24, keep: 14, due: false, dueAt: null });
    expect(await handlers.backup.chooseFolder(undefined)).toEqual({ ok: true, value: { folder } });
    expect(await statusOf(handlers.backup)).toMatchObject({ due: true, lastAttempt: null });
    const result = await runBackup(handlers);
    expect(result).toEqual({ ok: true, value: { file: path.join(folder, 'frontdesk-backup-20261202-090000-000.zip'), bytes: bundleBytes().byteLength, removed: [] } });
    expect(await fs.readdir(folder)).toEqual(['frontdesk-backup-20261202-090000-000.zip']);
    const s = await statusOf(handlers.backup);
    expect(s).toMatchObject({ due: false, lastSuccessAt: clock, dueAt: clock + 24 * 3_600_000, lastAttempt: { at: clock, ok: true, file: 'frontdesk-backup-20261202-090000-000.zip' } });
    clock += 24 * 3_600_000;
    expect((await statusOf(handlers.backup)).due).toBe(true);
  });

  it('keeps the newest N backups and deletes only backup files', async () => {
    const handlers = setup();
    await handlers.backup.chooseFolder(undefined);
    await fs.writeFile(path.join(folder, 'notes.txt'), 'keep me');
    await fs.writeFile(path.join(folder, 'frontdesk-backup-old.zip'), 'not ours by name');
    expect((await handlers.backup.setSchedule({ everyHours: 1, keep: 2 })).ok).toBe(true);
    const removed: string[][] = [];
    for (let i = 0; i < 4; i++) {
      const r = await runBackup(handlers);
      if (!r.ok) throw new Error(r.error.message);
      removed.push((r.value as { removed: string[] }).removed);
      clock += 3_600_000;
    }
    expect(removed).toEqual([[], [], ['frontdesk-backup-20261202-090000-000.zip'], ['frontdesk-backup-20261202-100000-000.zip']]);
    expect((await fs.readdir(folder)).sort()).toEqual(['frontdesk-backup-20261202-110000-000.zip', 'frontdesk-backup-20261202-120000-000.zip', 'frontdesk-backup-old.zip', 'notes.txt']);
    const listed = await handlers.backup.list(undefined);
    expect(listed.ok && listed.value.files.map((f) => f.file)).toEqual(['frontdesk-backup-20261202-120000-000.zip', 'frontdesk-backup-20261202-110000-000.zip']);
  });

  it('a missing folder fails with the cause, is recorded, and is retried after the retry delay', async () => {
    const handlers = setup({ folderChoice: path.join(root, 'unplugged-drive') });
    await handlers.backup.chooseFolder(undefined);
    const result = await runBackup(handlers);
    expect(result).toMatchObject({ ok: false, error: { code: 'io-error', message: expect.stringContaining('ENOENT') } });
    const s = await statusOf(handlers.backup);
    expect(s).toMatchObject({ due: false, lastSuccessAt: null, lastAttempt: { ok: false, reason: 'folderMissing' }, dueAt: clock + BACKUP_RETRY_DELAY_MS });
    clock += BACKUP_RETRY_DELAY_MS;
    expect((await statusOf(handlers.backup)).due).toBe(true);
  });

  it('disk full while writing: io-error, no file left behind, recorded as diskFull', async () => {
    const exportFs: ExportFs = {
      ...fs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        const handle = await fs.open(...args);
        return new Proxy(handle, {
          get(target, prop) {
            if (prop === 'write') return async () => { throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }); };
            const value = Reflect.get(target, prop) as unknown;
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        });
      }) as typeof fs.open,
    };
    const handlers = setup({ exportFs });
    await handlers.backup.chooseFolder(undefined);
    expect(await runBackup(handlers)).toMatchObject({ ok: false, error: { code: 'io-error', message: expect.stringContaining('ENOSPC') } });
    expect(await fs.readdir(folder)).toEqual([]);
    expect(await statusOf(handlers.backup)).toMatchObject({ running: false, lastAttempt: { ok: false, reason: 'diskFull', message: expect.stringContaining('no space left') } });
  });

  it('permission denied on the folder: io-error recorded as permissionDenied, and the next begin is not blocked', async () => {
    let deny = true;
    const exportFs: ExportFs = {
      ...fs,
      open: (async (...args: Parameters<typeof fs.open>) => {
        if (deny) throw Object.assign(new Error(`EACCES: permission denied, open '${String(args[0])}'`), { code: 'EACCES' });
        return fs.open(...args);
      }) as typeof fs.open,
    };
    const handlers = setup({ exportFs });
    await handlers.backup.chooseFolder(undefined);
    expect(await runBackup(handlers)).toMatchObject({ ok: false, error: { code: 'io-error', message: expect.stringContaining('EACCES') } });
    expect((await statusOf(handlers.backup)).lastAttempt).toMatchObject({ ok: false, reason: 'permissionDenied' });
    deny = false;
    clock += BACKUP_RETRY_DELAY_MS;
    expect((await runBackup(handlers)).ok).toBe(true);
    expect((await statusOf(handlers.backup)).lastAttempt).toMatchObject({ ok: true });
  });

  it('a file that does not verify is deleted and the backup fails', async () => {
    const handlers = setup();
    await handlers.backup.chooseFolder(undefined);
    const damaged = bundleBytes();
    // Flip a byte of the stored entry's data (after its 30-byte local header and 21-byte name).
    damaged[60] = damaged[60]! ^ 0xff;
    expect(await runBackup(handlers, damaged)).toMatchObject({ ok: false, error: { code: 'io-error', message: expect.stringContaining('did not verify') } });
    expect(await runBackup(handlers, strToU8('this is not a zip file at all'))).toMatchObject({ ok: false, error: { code: 'io-error' } });
    expect(await fs.readdir(folder)).toEqual([]);
    expect((await statusOf(handlers.backup)).lastAttempt).toMatchObject({ ok: false, reason: 'verifyFailed' });
  });

  it('keeps folder, schedule and the last attempt across a restart of the handlers', async () => {
    const first = setup();
    await first.backup.chooseFolder(undefined);
    await first.backup.setSchedule({ everyHours: 6, keep: 3 });
    expect((await runBackup(first)).ok).toBe(true);
    const again = setup();
    expect(await statusOf(again.backup)).toMatchObject({ folder, everyHours: 6, keep: 3, lastSuccessAt: clock, lastAttempt: { ok: true }, due: false, dueAt: clock + 6 * 3_600_000 });
    const stored = JSON.parse(await fs.readFile(path.join(userDataDir, 'backup.json'), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ folder, everyHours: 6, keep: 3 });
  });

  it('refuses a second backup while one is being written, and a finish for another export', async () => {
    const { backup } = setup();
    expect(await backup.begin(undefined)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await backup.chooseFolder(undefined);
    const begun = await backup.begin(undefined);
    expect(begun.ok).toBe(true);
    expect(await backup.begin(undefined)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await statusOf(backup)).toMatchObject({ running: true, due: false });
    expect(await backup.finish({ exportId: 'someone-elses-export' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const failed = await backup.recordFailure({ message: 'the database could not be read' });
    expect(failed).toMatchObject({ ok: true, value: { running: false, lastAttempt: { ok: false, reason: 'other', message: 'the database could not be read' } } });
    expect(await fs.readdir(folder)).toEqual([]);
  });

  it('a dismissed folder dialog answers cancelled and changes nothing', async () => {
    const files = createExportHandlers({ defaultDirectory: root, showSaveDialog: async () => ({ canceled: true }) });
    const backup = createBackupHandlers({ userDataDir, exports: files, showOpenDialog: async () => ({ canceled: true, filePaths: [] }) });
    expect(await backup.chooseFolder(undefined)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await statusOf(backup)).toMatchObject({ folder: null });
  });
});
