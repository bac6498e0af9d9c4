// A bundle made by a desk at an older schema version (here v2: phone numbers as bare digits, no phone keys on
// calls or messages): on restore its rows take the same row steps as the schema upgrades, before they are
// validated, so a restored row is exactly what the Dexie upgrade makes of the same row stored at v2.
import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { zipSync } from 'fflate';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, jsonLine, jsonlPath, type BundleFile, type BundleManifest } from '@shared/archive/bundleFormat';
import { phoneKey } from '@shared/phone/phoneKey';
import { freshDatabase } from '../../test/testDatabase';
import { openFrontDeskDatabase, resetDatabaseForTests } from '../database';
import type { FrontDeskDatabase } from '../FrontDeskDatabase';
import { newId } from '../ids';
import { SCHEMA_HISTORY } from '../schemaHistory';
import { applyRestore, previewRestore } from './restoreBundle';
import { verifyBundle } from './readBundle';

const opened: FrontDeskDatabase[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
  resetDatabaseForTests();
});

const now = Date.UTC(2025, 5, 1, 8);
const base = () => ({ id: newId(now), createdAt: now, updatedAt: now, deskId: 'OLD-DESK' });

/** Rows as a desk at schema v2 stored them. */
function version2Rows() {
  const department = { ...base(), name: '行政部', nameKey: 'xing zheng bu', searchKeys: ['行政部'] };
  const person = { ...base(), name: '王芳', nameKey: 'wang fang', departmentId: department.id, extension: '2302', mobile: '138 0013 8000', mobileDigits: '13800138000', searchKeys: ['王芳', '13800138000'] };
  const visitor = { ...base(), name: '陈伟强', phone: '+86 10 6552 9988', phoneDigits: '861065529988', searchKeys: ['陈伟强', '861065529988'] };
  const call = { ...base(), direction: 'inbound', remoteNumber: '+8613800138000', remoteNumberDigits: '8613800138000', startedAt: now - 60_000, disposition: 'answered' };
  const note = { ...base(), callId: call.id, phone: '0086 138 0013 8000', phoneDigits: '008613800138000', reason: '询问报价', category: 'enquiry', important: 0, searchKeys: [] };
  const message = { ...base(), fromName: '张伟', fromPhone: '138 0013 8000', content: '请回电', status: 'open', followUps: [] };
  return { departments: [department], staff: [person], visitors: [visitor], calls: [call], callNotes: [note], messages: [message] } as Record<string, Record<string, unknown>[]>;
}

function bundleOf(rows: Record<string, Record<string, unknown>[]>, schemaVersion: number): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  const files: BundleFile[] = [];
  for (const [table, list] of Object.entries(rows)) {
    const bytes = new TextEncoder().encode(list.map(jsonLine).join(''));
    entries[jsonlPath(table)] = bytes;
    files.push({ path: jsonlPath(table), kind: 'jsonl', table, rows: list.length, bytes: bytes.byteLength, sha256: bytesToHex(sha256(bytes)) });
  }
  const manifest: BundleManifest = { format: ARCHIVE_FORMAT, formatVersion: ARCHIVE_FORMAT_VERSION, appVersion: '0.0.9', schemaVersion, createdAt: now, deskId: 'OLD-DESK', range: null, files };
  entries['manifest.json'] = new TextEncoder().encode(JSON.stringify(manifest));
  return zipSync(entries);
}

async function restore(bundle: Uint8Array): Promise<FrontDeskDatabase> {
  const verified = await verifyBundle([bundle]);
  if (verified.status !== 'verified') throw new Error(verified.status);
  const { db } = await freshDatabase();
  opened.push(db);
  const preview = await previewRestore(db, [bundle], verified.manifest);
  if (preview.status !== 'ready') throw new Error(JSON.stringify(preview));
  expect(preview.added).toBe(6);
  await applyRestore(db, preview.restoreId, 'old.zip');
  return db;
}

describe('restore of a bundle from an older schema version', () => {
  it('upgrades its rows with the schema\'s own steps: phone keys back-filled, search keys recomputed', async () => {
    const rows = version2Rows();
    const db = await restore(bundleOf(rows, 2));
    const mobile = phoneKey('138 0013 8000')!;
    const calls = await db.calls.where('[remoteNumberKey+startedAt]').between([mobile, 0], [mobile, Number.MAX_SAFE_INTEGER]).toArray();
    expect(calls.map((c) => c.id)).toEqual([rows.calls![0]!.id]);
    expect((await db.callNotes.where('phoneDigits').equals(mobile).first())?.id).toBe(rows.callNotes![0]!.id);
    expect((await db.staff.where('mobileDigits').equals(mobile).first())?.searchKeys).toEqual(expect.arrayContaining(['wangfang', 'wf', '行政部']));
    expect((await db.visitors.get(String(rows.visitors![0]!.id)))?.phoneDigits).toBe(phoneKey('010 6552 9988'));
    expect((await db.messages.where('fromPhoneKey').equals(mobile).first())?.id).toBe(rows.messages![0]!.id);
    // Everything else of the row stays as the bundle had it.
    expect(await db.calls.get(String(rows.calls![0]!.id))).toMatchObject({ ...rows.calls![0], remoteNumberKey: mobile });
  });

  it('gives exactly the rows the Dexie upgrade makes of the same rows stored at v2', async () => {
    const rows = version2Rows();
    const restored = await restore(bundleOf(rows, 2));
    const name = `older-bundle-${Date.now()}`;
    const old = await openFrontDeskDatabase(name, { storage: null, history: SCHEMA_HISTORY.filter((v) => v.version <= 2) });
    for (const [table, list] of Object.entries(rows)) await old.table(table).bulkAdd(list);
    old.close();
    const upgraded = await openFrontDeskDatabase(name, { storage: null });
    for (const table of Object.keys(rows)) {
      const byId = (list: Record<string, unknown>[]) => [...list].sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
      expect(byId(await restored.table(table).toArray()), table).toEqual(byId(await upgraded.table(table).toArray()));
    }
  });

  it('takes a bundle of today\'s version as it is', async () => {
    const rows = version2Rows();
    const db = await restore(bundleOf(rows, SCHEMA_HISTORY.at(-1)!.version));
    expect((await db.calls.get(String(rows.calls![0]!.id)))?.remoteNumberKey).toBeUndefined();
  });
});
