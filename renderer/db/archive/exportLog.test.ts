// One log exported on its own (fake-indexeddb): JSON lines with each call's note joined, CSV with a BOM and
// neutralised cells, the date range, cancel between pages, and the export permission checked first.
import { describe, expect, it } from 'vitest';
import { ImportCancelledError } from '@shared/errors/importCancelled';
import { freshDatabase } from '../../test/testDatabase';
import { newId } from '../ids';
import { isPermissionDenied } from '../writeErrors';
import { exportLog } from './exportLog';

const T0 = Date.UTC(2026, 10, 2, 2, 0, 0);

async function text(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let out = '';
  for await (const chunk of chunks) out += decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}

async function seeded() {
  const { db, repos } = await freshDatabase();
  const ids: string[] = [];
  for (let i = 0; i < 7; i += 1) {
    const startedAt = T0 + i * 86_400_000;
    const id = newId(startedAt);
    await repos.calls.saveFromEvents(id, { direction: 'inbound', remoteNumber: `1380013800${i}`, remoteNumberDigits: `1380013800${i}`, startedAt, endedAt: startedAt + 20_000, disposition: 'missed' });
    ids.push(id);
  }
  await repos.callNotes.saveForCall(ids[1]!, { phone: '13800138001', callerName: '张伟', company: '=HYPERLINK("x")', reason: '预约' });
  return { db, ids };
}

describe('exporting one log', () => {
  it('writes calls as JSON lines, each with its note, in id order, a page at a time', async () => {
    const { db, ids } = await seeded();
    const progress: number[] = [];
    const { chunks, rows } = exportLog(db, { table: 'calls', format: 'jsonl', pageSize: 3, onProgress: (p) => progress.push(p.rowsDone) });
    const lines = (await text(chunks)).trimEnd().split('\n').map((l) => JSON.parse(l) as { id: string; note?: { callerName?: string } });
    expect(lines.map((l) => l.id)).toEqual(ids);
    expect(lines[1]!.note?.callerName).toBe('张伟');
    expect(lines.filter((l) => l.note)).toHaveLength(1);
    expect(rows()).toBe(7);
    expect(progress).toEqual([3, 6, 7]);
  });

  it('writes CSV with a byte-order mark, the note columns and formula cells neutralised; the range filters by creation', async () => {
    const { db, ids } = await seeded();
    const { chunks } = exportLog(db, { table: 'calls', format: 'csv', range: { from: Date.now() - 3_600_000, to: Date.now() + 3_600_000 } });
    const csv = await text(chunks);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...body] = csv.slice(1).trimEnd().split('\r\n');
    expect(header!.split(',')).toEqual(expect.arrayContaining(['id', 'remoteNumber', 'note.callerName', 'note.company', 'note.reason']));
    expect(body).toHaveLength(7);
    expect(body[1]!.startsWith(ids[1]!)).toBe(true);
    expect(body[1]).toContain('张伟');
    expect(body[1]).toContain(`"'=HYPERLINK(""x"")"`);
    // Rows created before the range are left out (the range is by creation, as in the bundle).
    const earlier = exportLog(db, { table: 'calls', format: 'csv', range: { from: 0, to: Date.now() - 3_600_000 } });
    expect((await text(earlier.chunks)).slice(1).trimEnd().split('\r\n')).toHaveLength(1);
  });

  it('stops between pages when cancelled, and is refused without the export permission', async () => {
    const { db } = await seeded();
    const controller = new AbortController();
    const { chunks } = exportLog(db, { table: 'calls', format: 'jsonl', pageSize: 2, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(text(chunks)).rejects.toBeInstanceOf(ImportCancelledError);
    db.access.enforce();
    db.access.setPrincipal({ operatorId: newId(), name: 'Op', roles: ['operator'] });
    let refused: unknown;
    try {
      exportLog(db, { table: 'calls', format: 'jsonl' });
    } catch (error) {
      refused = error;
    }
    expect(isPermissionDenied(refused)).toBe(true);
  });
});
