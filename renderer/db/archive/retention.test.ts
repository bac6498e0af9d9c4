import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '@shared/archive/retention';
import type { FrontDeskDatabase } from '../FrontDeskDatabase';
import { freshDatabase } from '../../test/testDatabase';
import { addCall, addVisit } from '../../test/visitFixtures';
import { writePathOf } from '../writePath';
import { archiveBundle } from './exportBundle';
import { verifyBundle } from './readBundle';
import { applyRetention, planRetention } from './retention';

const DAY = 86_400_000;
const now = Date.UTC(2026, 11, 1, 4);
const ago = (days: number) => now - days * DAY;

let db: FrontDeskDatabase;
afterEach(() => db.close());

async function bundleOf(database: FrontDeskDatabase): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of archiveBundle(database, { appVersion: 'test' }).chunks) parts.push(chunk);
  const all = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    all.set(p, offset);
    offset += p.byteLength;
  }
  return all;
}

let oldVisitorId: string;
let recentVisitorId: string;

beforeEach(async () => {
  ({ db } = await freshDatabase());
  for (let i = 0; i < 5; i += 1) await addCall(db, { startedAt: ago(800 + i), endedAt: ago(800 + i), disposition: 'answered' });
  await addCall(db, { startedAt: ago(10), disposition: 'answered' });
  const writes = writePathOf(db);
  const old = await writes.create('visitors', { name: '老访客', idNumber: '110101199003071234', lastVisitAt: ago(400), searchKeys: ['lao'] }, null, { at: ago(400) });
  const recent = await writes.create('visitors', { name: '近访客', idNumber: '110101199003075678', lastVisitAt: ago(100), searchKeys: ['jin'] }, null, { at: ago(100) });
  oldVisitorId = old.id;
  recentVisitorId = recent.id;
  await addVisit(db, old, { status: 'left', arrivedAt: ago(400), leftAt: ago(400) });
  await addVisit(db, old, { status: 'onSite', arrivedAt: ago(400) }); // never expires while on site
  await addVisit(db, recent, { status: 'left', arrivedAt: ago(100), leftAt: ago(100) });
});

describe('retention', () => {
  it('destroys only expired rows a verified bundle holds as stored; keeps the rest; audits with the checksum', async () => {
    const bundle = await bundleOf(db);
    // Written after the export: expired, but no bundle holds it, so it must stay.
    const unarchived = await addCall(db, { startedAt: ago(900), disposition: 'missed' });
    const verified = await verifyBundle([bundle]);
    if (verified.status !== 'verified') throw new Error(verified.status);

    const outcome = await planRetention(db, [bundle], verified.manifest, DEFAULT_RETENTION, { now });
    if (outcome.status !== 'planned') throw new Error(outcome.status);
    const { plan } = outcome;
    expect(plan.byKind.calls).toEqual({ expired: 6, archived: 5, kept: 1 });
    expect(plan.byKind.visits).toEqual({ expired: 2, archived: 2, kept: 0 }); // the old visit and the old visitor
    expect(plan.byKind.idNumbers).toEqual({ expired: 1, archived: 1, kept: 0 });
    expect(plan.redactIdNumbers).toEqual([recentVisitorId]);
    // The dry run wrote nothing.
    expect(await db.calls.count()).toBe(7);

    const applied = await applyRetention(db, plan, 'bundle.zip');
    expect(applied).toEqual({ destroyed: 5 + 2, redacted: 1 });
    const calls = await db.calls.toArray();
    expect(calls.map((c) => c.id).sort()).toEqual(calls.filter((c) => c.startedAt > ago(30) || c.id === unarchived.id).map((c) => c.id).sort());
    expect(calls).toHaveLength(2);
    expect(await db.visitors.get(oldVisitorId)).toBeUndefined();
    const recent = await db.visitors.get(recentVisitorId);
    expect(recent?.idNumber).toBeUndefined();
    expect(recent?.name).toBe('近访客');
    expect((await db.visits.toArray()).map((v) => v.status).sort()).toEqual(['left', 'onSite']);
    const [entry] = await db.auditLog.where('action').equals('destroy').toArray();
    expect(entry?.summary).toMatch(new RegExp(`^retention: destroyed calls=5, visits=1, visitors=1, visitor ID numbers=1; archived in bundle\\.zip \\(manifest sha256 ${plan.manifestSha256}\\)$`));
  });

  it('refuses to destroy anything when no bundle holds the rows (an empty export)', async () => {
    const { db: empty } = await freshDatabase();
    const bundle = await bundleOf(empty);
    empty.close();
    const verified = await verifyBundle([bundle]);
    if (verified.status !== 'verified') throw new Error(verified.status);
    const outcome = await planRetention(db, [bundle], verified.manifest, DEFAULT_RETENTION, { now });
    if (outcome.status !== 'planned') throw new Error(outcome.status);
    expect(outcome.plan.byKind.calls).toEqual({ expired: 5, archived: 0, kept: 5 });
    expect(await applyRetention(db, outcome.plan, 'empty.zip')).toEqual({ destroyed: 0, redacted: 0 });
    expect(await db.calls.count()).toBe(6);
  });

  it('leaves a row that changed after the plan', async () => {
    const bundle = await bundleOf(db);
    const verified = await verifyBundle([bundle]);
    if (verified.status !== 'verified') throw new Error(verified.status);
    const outcome = await planRetention(db, [bundle], verified.manifest, DEFAULT_RETENTION, { now });
    if (outcome.status !== 'planned') throw new Error(outcome.status);
    const recent = (await db.visitors.get(recentVisitorId))!;
    await writePathOf(db).patch('visitors', recent, { company: '新公司' }, null);
    expect((await applyRetention(db, outcome.plan, 'bundle.zip')).redacted).toBe(0);
    expect((await db.visitors.get(recentVisitorId))?.idNumber).toBe('110101199003075678');
  });
});
