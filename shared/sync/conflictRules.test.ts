import { describe, expect, it } from 'vitest';
import {
  canonical,
  inboundRow,
  isReplicatedTable,
  mergeVersions,
  outboundRow,
  SYNC_POLICIES,
  type ReplicatedTable,
  type SyncRow,
} from './conflictRules';

const ID = '01JF0000000000000000000000';
const base = { id: ID, createdAt: 1_000, updatedAt: 1_000, deskId: 'lobby' };

function visit(fields: Record<string, unknown>): SyncRow {
  return { ...base, visitorId: '01JF0000000000000000000001', partySize: 1, status: 'onSite', arrivedAt: 1_000, ...fields } as SyncRow;
}

describe('what leaves a desk', () => {
  it('replicates every business table and never the staging of a restore', () => {
    for (const table of ['departments', 'staff', 'visitors', 'visits', 'watchlist', 'watchlistAlerts', 'complaints', 'parcels',
      'parcelEvents', 'calls', 'callNotes', 'messages', 'equipmentFaults', 'auditLog', 'operators']) {
      expect(isReplicatedTable(table)).toBe(true);
    }
    expect(isReplicatedTable('restoreStaging')).toBe(false);
    expect(outboundRow('restoreStaging', { ...base }, { siteWideAccounts: false })).toBeNull();
  });

  it('keeps per-desk settings on the desk and sends site settings', () => {
    expect(outboundRow('settings', { ...base, key: 'sip.server', scope: 'desk', value: 'x' }, { siteWideAccounts: false })).toBeNull();
    expect(outboundRow('settings', { ...base, key: 'answerTarget', scope: 'site', value: 15 }, { siteWideAccounts: false }))
      .toMatchObject({ key: 'answerTarget', value: 15 });
  });

  it('sends an operator without PIN hash and lockout unless accounts are site-wide', () => {
    const operator: SyncRow = { ...base, name: '王芳', role: 'operator', pinHash: 'pbkdf2$…', failedAttempts: 2, lockedUntil: 5, active: 1 };
    const out = outboundRow('operators', operator, { siteWideAccounts: false })!;
    expect(out).not.toHaveProperty('pinHash');
    expect(out).not.toHaveProperty('failedAttempts');
    expect(out).not.toHaveProperty('lockedUntil');
    expect(out.name).toBe('王芳');
    expect(operator.pinHash).toBe('pbkdf2$…');
    expect(outboundRow('operators', operator, { siteWideAccounts: true })).toHaveProperty('pinHash', 'pbkdf2$…');
  });

  it('keeps the desk\'s own PIN hash when an operator row arrives without one', () => {
    const stored: SyncRow = { ...base, name: '王芳', pinHash: 'mine', active: 1 };
    const incoming: SyncRow = { ...base, updatedAt: 2_000, deskId: 'mailroom', name: '王芳 (前台)', active: 1 };
    expect(inboundRow('operators', incoming, stored, { siteWideAccounts: false })).toMatchObject({ name: '王芳 (前台)', pinHash: 'mine' });
    expect(inboundRow('operators', { ...incoming, pinHash: 'theirs' }, undefined, { siteWideAccounts: false })).not.toHaveProperty('pinHash');
    expect(inboundRow('operators', { ...incoming, pinHash: 'theirs' }, stored, { siteWideAccounts: true })).toHaveProperty('pinHash', 'theirs');
  });
});

describe('merging two versions of one row', () => {
  it('identical versions merge to themselves with nothing lost', () => {
    const row = visit({});
    expect(mergeVersions('visits', row, { ...row })).toMatchObject({ rule: 'identical', losers: [], lostFields: [] });
  });

  it('a visit checked out at one desk and edited at another keeps both facts', () => {
    const checkedOut = visit({ status: 'left', leftAt: 5_000, checkedOutBy: 'op-a', checkOutMethod: 'search', updatedAt: 5_000, deskId: 'lobby' });
    const edited = visit({ purpose: '送货', notes: '带了两箱', updatedAt: 6_000, deskId: 'side' });
    const { merged, rule, losers } = mergeVersions('visits', checkedOut, edited);
    expect(rule).toBe('stateForward');
    expect(merged).toMatchObject({ status: 'left', leftAt: 5_000, checkedOutBy: 'op-a', purpose: '送货', notes: '带了两箱', updatedAt: 6_000, deskId: 'side' });
    // Nothing of either version was lost: the stale "on site" is not a fact.
    expect(losers).toEqual([]);
  });

  it('a visit that has left never returns on site, whichever write is later', () => {
    const left = visit({ status: 'left', leftAt: 5_000, updatedAt: 5_000 });
    const stale = visit({ status: 'onSite', updatedAt: 9_000, deskId: 'side' });
    expect(mergeVersions('visits', left, stale).merged.status).toBe('left');
    expect(mergeVersions('visits', stale, left).merged.status).toBe('left');
  });

  it('a collected parcel stays collected and keeps who collected it', () => {
    const parcel = { ...base, type: 'parcel', urgent: 0, receivedAt: 1_000, receivedBy: 'op', searchKeys: [] };
    const collected: SyncRow = { ...parcel, status: 'collected', collectedAt: 4_000, collectedBy: '李雷', updatedAt: 4_000, deskId: 'reception' };
    const moved: SyncRow = { ...parcel, status: 'notified', notifiedAt: 4_500, shelf: 'B-2', updatedAt: 4_500, deskId: 'mailroom' };
    const { merged, losers } = mergeVersions('parcels', collected, moved);
    expect(merged).toMatchObject({ status: 'collected', collectedBy: '李雷', collectedAt: 4_000, shelf: 'B-2', notifiedAt: 4_500 });
    expect(losers).toEqual([]);
  });

  it('other fields take the later write and the overwritten version is listed', () => {
    const a: SyncRow = { ...base, name: '张伟', extension: '8001', updatedAt: 2_000, deskId: 'lobby' };
    const b: SyncRow = { ...base, name: '张伟', extension: '8002', updatedAt: 3_000, deskId: 'side' };
    const result = mergeVersions('staff', a, b);
    expect(result.merged.extension).toBe('8002');
    expect(result.rule).toBe('laterWrite');
    expect(result.losers).toEqual([a]);
    expect(result.lostFields).toEqual(['extension']);
  });

  it('at the same time, the greater desk id wins, at every desk', () => {
    const a: SyncRow = { ...base, extension: '8001', updatedAt: 2_000, deskId: 'desk-a' };
    const b: SyncRow = { ...base, extension: '8002', updatedAt: 2_000, deskId: 'desk-b' };
    expect(mergeVersions('staff', a, b).merged.extension).toBe('8002');
    expect(mergeVersions('staff', b, a).merged.extension).toBe('8002');
  });

  it('follow-ups and deliveries written at two desks are all kept', () => {
    const message = { ...base, content: '请回电', status: 'delivered', followUps: [] as unknown[] };
    const a: SyncRow = { ...message, followUps: [{ at: 2_000, by: 'a', text: '已电话通知' }], deliveries: [{ at: 2_000, channel: 'phone', by: 'a', ok: 1 }], updatedAt: 2_000, deskId: 'switch' };
    const b: SyncRow = { ...message, followUps: [{ at: 3_000, by: 'b', text: '本人不在' }], updatedAt: 3_000, deskId: 'lobby' };
    const { merged, losers } = mergeVersions('messages', a, b);
    expect(merged.followUps).toEqual([{ at: 2_000, by: 'a', text: '已电话通知' }, { at: 3_000, by: 'b', text: '本人不在' }]);
    expect(merged.deliveries).toEqual([{ at: 2_000, channel: 'phone', by: 'a', ok: 1 }]);
    expect(losers).toEqual([]);
  });

  it('an acknowledged message keeps its signature when a stale copy is edited elsewhere', () => {
    const msg = { ...base, content: '请回电', followUps: [] };
    const acked: SyncRow = { ...msg, status: 'acknowledged', acknowledgedAt: 3_000, acknowledgedBy: '张伟', acknowledgement: { name: '张伟', at: 3_000, method: 'typed' }, updatedAt: 3_000, deskId: 'lobby' };
    const urgentEdit: SyncRow = { ...msg, status: 'delivered', urgency: 'urgent', updatedAt: 3_500, deskId: 'switch' };
    const { merged } = mergeVersions('messages', acked, urgentEdit);
    expect(merged).toMatchObject({ status: 'acknowledged', acknowledgedBy: '张伟', urgency: 'urgent' });
    expect(merged.acknowledgement).toEqual({ name: '张伟', at: 3_000, method: 'typed' });
  });

  it('two different endings of one visit: the later write wins and the other is listed', () => {
    const left = visit({ status: 'left', leftAt: 5_000, updatedAt: 5_000, deskId: 'lobby' });
    const cancelled = visit({ status: 'cancelled', updatedAt: 6_000, deskId: 'side' });
    const { merged, losers, lostFields } = mergeVersions('visits', left, cancelled);
    expect(merged.status).toBe('cancelled');
    expect(losers).toEqual([left]);
    expect(lostFields).toContain('leftAt');
  });

  it('append-only rows never merge: two versions of one audit entry are reported as damage', () => {
    const entry: SyncRow = { ...base, action: 'checkIn', at: 1_000, actorId: 'op' };
    const tampered: SyncRow = { ...entry, action: 'delete', updatedAt: 9_000 };
    const result = mergeVersions('auditLog', tampered, entry);
    expect(result.damaged).toBe(true);
    expect(result.rule).toBe('appendOnly');
    expect(result.losers).toHaveLength(1);
    expect(mergeVersions('auditLog', entry, tampered).merged).toEqual(result.merged);
  });

  it('a delete and an edit: the later wins and the other is listed', () => {
    const deleted: SyncRow = { ...base, name: '旧部门', deletedAt: 4_000, updatedAt: 4_000, deskId: 'lobby' };
    const renamed: SyncRow = { ...base, name: '新部门', updatedAt: 3_000, deskId: 'side' };
    const { merged, losers } = mergeVersions('departments', deleted, renamed);
    expect(merged.deletedAt).toBe(4_000);
    expect(losers).toEqual([renamed]);
  });
});

describe('convergence', () => {
  // Every pair of versions from a small pool of edits, merged in both orders, in every table that has a rule:
  // the merged row must not depend on which desk saw which version first.
  const statuses: Record<string, string[]> = {
    visits: ['expected', 'onSite', 'left', 'cancelled'],
    parcels: ['received', 'notified', 'collected', 'returned'],
    messages: ['open', 'delivered', 'acknowledged', 'closed'],
    complaints: ['open', 'inProgress', 'answered', 'closed'],
    equipmentFaults: ['open', 'inRepair', 'fixed'],
    staff: ['x'],
  };

  function versions(table: string): SyncRow[] {
    const out: SyncRow[] = [];
    for (const status of statuses[table]!) {
      for (const updatedAt of [2_000, 3_000]) {
        for (const deskId of ['a', 'b']) {
          out.push({ ...base, status, updatedAt, deskId, note: `${status}@${deskId}`, followUps: [{ at: updatedAt, by: deskId, text: status }],
            notifiedAt: updatedAt, leftAt: status === 'left' ? updatedAt : undefined });
        }
      }
    }
    return out;
  }

  it.each(Object.keys(statuses))('%s: merge(a, b) equals merge(b, a), and merging is idempotent', (table) => {
    const pool = versions(table);
    for (const a of pool) {
      for (const b of pool) {
        const ab = mergeVersions(table as ReplicatedTable, a, b);
        const ba = mergeVersions(table as ReplicatedTable, b, a);
        expect(canonical(ab.merged)).toBe(canonical(ba.merged));
        expect(canonical(mergeVersions(table as ReplicatedTable, ab.merged, ab.merged).merged)).toBe(canonical(ab.merged));
      }
    }
  });

  it('three desks converge whatever order their versions meet in', () => {
    const [a, b, c] = [
      visit({ status: 'left', leftAt: 5_000, updatedAt: 5_000, deskId: 'a' }),
      visit({ purpose: '面试', updatedAt: 6_000, deskId: 'b' }),
      visit({ notes: '访客车辆 京A12345', updatedAt: 4_000, deskId: 'c' }),
    ] as const;
    const m = (x: SyncRow, y: SyncRow) => mergeVersions('visits', x, y).merged;
    const one = m(m(a, b), c);
    const two = m(a, m(c, b));
    expect(canonical(one)).toBe(canonical(two));
    expect(one).toMatchObject({ status: 'left', purpose: '面试' });
  });

  it('every table with a rule names known policy kinds', () => {
    for (const policy of Object.values(SYNC_POLICIES)) expect(['appendOnly', 'stateMachine', 'lastWriterWins']).toContain(policy.kind);
  });
});
