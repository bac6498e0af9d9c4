// Weekly volumes through the database (fake-indexeddb): the week's calls with their notes, grouped; every
// volume produced recorded with its checksum and audited; a bundle asked for volumes lists them with
// SHA-256 and still verifies and restores.
import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { unzipSync, strFromU8 } from 'fflate';
import { freshDatabase } from '../test/testDatabase';
import { addCall } from '../test/visitFixtures';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { newId } from './ids';
import { weeklyVolumesOf } from './weeklyVolumeRepository';
import { archiveBundle, previewRestore, verifyBundle } from './archive';
import { isPermissionDenied } from './writeErrors';

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const WEEK = { year: 2026, week: 45 }; // Monday 2026-11-02 … Sunday 2026-11-08

const opened: FrontDeskDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

async function seeded() {
  const { db, repos } = await freshDatabase();
  opened.push(db);
  const answered = (startedAt: number, ringMs: number) => addCall(db, { startedAt, disposition: 'answered', answeredAt: startedAt + ringMs, ringMs, talkMs: 60_000, endedAt: startedAt + ringMs + 60_000 });
  const a = await answered(local(2026, 11, 2, 9), 4000);
  const b = await answered(local(2026, 11, 2, 10), 8000);
  await addCall(db, { startedAt: local(2026, 11, 3, 11), disposition: 'missed', ringMs: 30_000, endedAt: local(2026, 11, 3, 11) + 30_000 });
  await answered(local(2026, 11, 9, 9), 2000); // the next week
  await repos.callNotes.create({ callId: a.id, callerName: '张伟', company: '北京某某科技有限公司', reason: '咨询会议室', category: 'enquiry' });
  await repos.callNotes.create({ callId: b.id, callerName: '李娜', reason: '找行政部', category: 'forPerson' });
  return { db, repos };
}

describe('weekly volumes', () => {
  it('reads the week\'s calls with their notes, grouped by day and category', async () => {
    const { db } = await seeded();
    const volume = await weeklyVolumesOf(db).volumeOf(WEEK);
    expect(volume.totals).toEqual({ calls: 3, answered: 2, missed: 1, p50Ms: 4000, p90Ms: 8000 });
    expect(volume.days[0]!.categories.map((c) => [c.category, c.calls.map((x) => x.callerName)])).toEqual([
      ['enquiry', ['张伟']],
      ['forPerson', ['李娜']],
    ]);
    expect(volume.days[1]!.categories.map((c) => c.category)).toEqual(['']);
    expect(await weeklyVolumesOf(db).weeksWithCalls(null)).toEqual([WEEK, { year: 2026, week: 46 }]);
  });

  it('records each volume produced with its SHA-256, audited; only a supervisor may produce one', async () => {
    const { db } = await seeded();
    const volume = await weeklyVolumesOf(db).volumeOf(WEEK);
    const bytes = new TextEncoder().encode('%PDF-1.7 a volume');
    const digest = bytesToHex(sha256(bytes));
    const record = await weeklyVolumesOf(db).recordProduced({ volume, output: 'pdf', sha256: digest, bytes: bytes.byteLength, pages: 9, fileName: '/tmp/电话记录周册-2026-W45.pdf' });
    expect(await db.weeklyVolumes.get(record.id)).toMatchObject({ week: '2026-W45', output: 'pdf', sha256: digest, pages: 9, calls: 3, answered: 2, missed: 1 });
    const audit = (await db.auditLog.toArray()).filter((e) => e.entityTable === 'weeklyVolumes');
    expect(audit.map((e) => e.summary)).toEqual([expect.stringContaining(`weekly volume 2026-W45 (pdf /tmp/电话记录周册-2026-W45.pdf): 3 calls, 9 pages, sha256 ${digest}`)]);
    expect((await weeklyVolumesOf(db).recent()).map((r) => r.id)).toEqual([record.id]);

    db.access.enforce();
    db.access.setPrincipal({ operatorId: newId(), name: '王芳', roles: ['operator'] });
    const refused = await weeklyVolumesOf(db).recordProduced({ volume, output: 'print', sha256: digest, bytes: 1, pages: 9 }).catch((error: unknown) => error);
    expect(isPermissionDenied(refused)).toBe(true);
    expect(await db.weeklyVolumes.count()).toBe(1);
  });

  it('a bundle asked for the volumes holds one PDF per week, listed with its SHA-256, and still verifies and restores', async () => {
    const { db } = await seeded();
    const weeks = await weeklyVolumesOf(db).weeksWithCalls(null);
    const pdfOf = (week: { week: number }) => new TextEncoder().encode(`%PDF-1.7 volume of week ${week.week}`);
    const { chunks, result } = archiveBundle(db, { appVersion: '0.1.0', tables: ['calls', 'callNotes'], volumes: { weeks, render: async (week) => ({ bytes: pdfOf(week), calls: week.week }) } });
    const parts: Uint8Array[] = [];
    for await (const chunk of chunks) parts.push(chunk);
    const zip = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    parts.reduce((offset, p) => (zip.set(p, offset), offset + p.byteLength), 0);
    const { manifest } = await result;
    const files = unzipSync(zip);
    expect(manifest.files.filter((f) => f.kind === 'pdf')).toEqual([
      { path: 'volumes/2026-W45.pdf', kind: 'pdf', rows: 45, bytes: pdfOf(WEEK).byteLength, sha256: bytesToHex(sha256(pdfOf(WEEK))) },
      { path: 'volumes/2026-W46.pdf', kind: 'pdf', rows: 46, bytes: pdfOf({ week: 46 }).byteLength, sha256: bytesToHex(sha256(pdfOf({ week: 46 }))) },
    ]);
    expect(strFromU8(files['volumes/2026-W45.pdf']!)).toBe('%PDF-1.7 volume of week 45');
    expect(JSON.parse(strFromU8(files['manifest.json']!)).files).toEqual(manifest.files);

    const verified = await verifyBundle([zip]);
    expect(verified.status).toBe('verified');
    if (verified.status !== 'verified') return;
    const { db: target } = await freshDatabase();
    opened.push(target);
    expect(await previewRestore(target, [zip], verified.manifest)).toMatchObject({ status: 'ready', added: 6 });
  });
});
