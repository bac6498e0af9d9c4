import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { unzipSync, strFromU8 } from 'fflate';
import { canonicalJson } from '@shared/archive/canonicalJson';
import type { FrontDeskDatabase } from '../FrontDeskDatabase';
import { freshDatabase } from '../../test/testDatabase';
import { addCall, addVisit, addVisitor } from '../../test/visitFixtures';
import { repositoriesOf } from '../repositories';
import { archiveBundle } from './exportBundle';
import { verifyBundle } from './readBundle';
import { applyRestore, discardStagedRestores, previewRestore } from './restoreBundle';
import { ARCHIVE_TABLES } from './tableSchemas';

const opened: FrontDeskDatabase[] = [];
async function database(): Promise<FrontDeskDatabase> {
  const { db } = await freshDatabase();
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function seed(db: FrontDeskDatabase): Promise<void> {
  const repos = repositoriesOf(db);
  const dept = await repos.departments.create({ name: '行政部' });
  await repos.staff.create({ name: '张伟', departmentId: dept.id, extension: '1001', mobile: '138 0013 8000' });
  for (let i = 0; i < 30; i += 1) {
    const visitor = await addVisitor(db, `访客${i}`, i % 3 === 0 ? '=HYPERLINK("x")' : '北京某某科技有限公司');
    await addVisit(db, visitor, { status: i % 2 ? 'onSite' : 'left', arrivedAt: Date.UTC(2026, 10, 1 + (i % 20), 9), purpose: '会议\n第二行' });
  }
  for (let i = 0; i < 25; i += 1) await addCall(db, { startedAt: Date.UTC(2026, 10, 2, 8, i), disposition: i % 4 ? 'answered' : 'missed' });
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const all = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    offset += p.byteLength;
  }
  return all;
}

/** A SHA-256 over every row of a table, in key order, each in canonical JSON. */
async function tableHash(db: FrontDeskDatabase, table: string): Promise<string> {
  const hash = sha256.create();
  await db.table(table).orderBy(':id').each((row) => hash.update(new TextEncoder().encode(canonicalJson(row) + '\n')));
  return bytesToHex(hash.digest());
}

/** Feeds the bundle in small pieces, as a File stream would. */
function* pieces(bytes: Uint8Array, size = 777): Generator<Uint8Array> {
  for (let i = 0; i < bytes.byteLength; i += size) yield bytes.subarray(i, i + size);
}

let source: FrontDeskDatabase;
let bundle: Uint8Array;

beforeEach(async () => {
  source = await database();
  await seed(source);
  const { chunks, result } = archiveBundle(source, { appVersion: '0.1.0', pageSize: 7 });
  bundle = await collect(chunks);
  await result;
});

describe('archive bundle', () => {
  it('holds a manifest naming every table file with its row count and the SHA-256 of its bytes', async () => {
    const files = unzipSync(bundle);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest).toMatchObject({ format: 'frontdesk-archive', formatVersion: 1, appVersion: '0.1.0', deskId: source.desk.deskId, range: null });
    const visits = manifest.files.find((f: { path: string }) => f.path === 'tables/visits.jsonl');
    expect(visits.rows).toBe(30);
    expect(visits.sha256).toBe(bytesToHex(sha256(files['tables/visits.jsonl']!)));
    expect(strFromU8(files['tables/visits.jsonl']!).trimEnd().split('\n')).toHaveLength(30);
    // The people's copy: BOM, the schema's columns, a formula neutralised, a line break kept inside quotes.
    expect([...files['csv/visitors.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = strFromU8(files['csv/visitors.csv']!);
    expect(csv.startsWith('id,createdAt,')).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(strFromU8(files['csv/visits.csv']!)).toContain('"会议\n第二行"');
  });

  it('verifies an intact bundle and rejects one with a flipped byte', async () => {
    const good = await verifyBundle(pieces(bundle));
    expect(good.status).toBe('verified');
    if (good.status !== 'verified') return;
    expect(good.report.rowsByTable).toMatchObject({ visits: 30, visitors: 30, calls: 25, staff: 1, departments: 1 });

    // Flip one byte inside the stored (uncompressed) bytes of a table: find a stored entry by writing one without compression.
    const damaged = bundle.slice();
    damaged[Math.floor(damaged.length / 3)]! ^= 0x01;
    const bad = await verifyBundle(pieces(damaged));
    expect(bad.status === 'damaged' || bad.status === 'unreadable').toBe(true);
  });

  it('is not a bundle: a text file is reported unreadable, not thrown', async () => {
    const outcome = await verifyBundle([new TextEncoder().encode('姓名,电话\n张三,138\n')]);
    expect(outcome).toMatchObject({ status: 'unreadable' });
  });

  it('round trip: export → verify → restore into an empty database → every table identical', async () => {
    const verified = await verifyBundle(pieces(bundle));
    if (verified.status !== 'verified') throw new Error(verified.status);
    const target = await database();
    const preview = await previewRestore(target, pieces(bundle), verified.manifest);
    expect(preview).toMatchObject({ status: 'ready', conflicts: 0, identical: 0 });
    if (preview.status !== 'ready') return;
    // Nothing a screen reads has changed yet: the new rows wait in staging.
    expect(await target.visits.count()).toBe(0);
    const applied = await applyRestore(target, preview.restoreId, 'bundle.zip');
    expect(applied.added).toBe(preview.added);
    expect(await target.restoreStaging.count()).toBe(0);
    for (const table of ARCHIVE_TABLES) {
      if (table === 'auditLog' || table === 'settings') continue; // the target's own restore entry and identity
      expect(await tableHash(target, table), table).toBe(await tableHash(source, table));
    }
    // Each desk keeps its own identity: the source's desk-id setting is not brought over.
    expect((await target.settings.where('key').equals('desk.id').toArray()).map((s) => s.value)).toEqual([target.desk.deskId]);
    const sourceAudit = (await source.auditLog.toArray()).map((e) => e.id);
    const targetAudit = await target.auditLog.toArray();
    expect(targetAudit.filter((e) => sourceAudit.includes(e.id))).toHaveLength(sourceAudit.length);
    expect(targetAudit.filter((e) => e.action === 'restore')).toHaveLength(1);
  });

  it('a restore into the same database finds every row identical and adds nothing', async () => {
    const verified = await verifyBundle(pieces(bundle));
    if (verified.status !== 'verified') throw new Error(verified.status);
    const before = await tableHash(source, 'visits');
    const preview = await previewRestore(source, pieces(bundle), verified.manifest);
    expect(preview).toMatchObject({ status: 'ready', added: 0, conflicts: 0 });
    expect(await tableHash(source, 'visits')).toBe(before);
  });

  it('keeps the stored version of a conflicting row and lists it', async () => {
    const verified = await verifyBundle(pieces(bundle));
    if (verified.status !== 'verified') throw new Error(verified.status);
    const visit = (await source.visits.toArray()).find((v) => v.status === 'onSite')!;
    await repositoriesOf(source).visits.checkOut(visit.id, 'search');
    const changed = await source.visits.get(visit.id);
    expect(changed?.status).toBe('left');
    const preview = await previewRestore(source, pieces(bundle), verified.manifest);
    if (preview.status !== 'ready') throw new Error(preview.status);
    expect(preview.tables.visits).toMatchObject({ conflicts: 1, conflictIds: [visit.id], added: 0 });
    await applyRestore(source, preview.restoreId, 'bundle.zip');
    expect(await source.visits.get(visit.id)).toEqual(changed);
  });

  it('a preview that is never applied (cancelled, or the page reloaded) leaves the tables as they were', async () => {
    const verified = await verifyBundle(pieces(bundle));
    if (verified.status !== 'verified') throw new Error(verified.status);
    const target = await database();
    const before = await Promise.all(ARCHIVE_TABLES.map((table) => tableHash(target, table)));
    const preview = await previewRestore(target, pieces(bundle), verified.manifest);
    expect(preview.status).toBe('ready');
    expect(await target.restoreStaging.count()).toBeGreaterThan(0);
    expect(await discardStagedRestores(target)).toBeGreaterThan(0);
    expect(await Promise.all(ARCHIVE_TABLES.map((table) => tableHash(target, table)))).toEqual(before);
    expect(await target.visits.count()).toBe(0);
  });

  it('refuses a bundle whose table file does not match its checksum, and stages nothing', async () => {
    const verified = await verifyBundle(pieces(bundle));
    if (verified.status !== 'verified') throw new Error(verified.status);
    const manifest = { ...verified.manifest, files: verified.manifest.files.map((f) => (f.path === 'tables/calls.jsonl' ? { ...f, sha256: '0'.repeat(64) } : f)) };
    const target = await database();
    const preview = await previewRestore(target, pieces(bundle), manifest);
    expect(preview).toMatchObject({ status: 'refused', problem: 'checksum', table: 'calls' });
    expect(await target.restoreStaging.count()).toBe(0);
    expect(await target.calls.count()).toBe(0);
  });

  it('exports only the rows created in a range', async () => {
    const { chunks, result } = archiveBundle(source, { appVersion: '0.1.0', tables: ['calls'], range: { from: Date.UTC(2026, 10, 2, 8, 10), to: Date.UTC(2026, 10, 2, 8, 20) } });
    const files = unzipSync(await collect(chunks));
    const { manifest } = await result;
    expect(manifest.files.find((f) => f.path === 'tables/calls.jsonl')?.rows).toBe(10);
    expect(strFromU8(files['tables/calls.jsonl']!).trimEnd().split('\n')).toHaveLength(10);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const { chunks, result } = archiveBundle(source, { appVersion: '0.1.0', pageSize: 5, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(collect(chunks)).rejects.toThrow();
    await expect(result).rejects.toThrow();
  });
});
