import { describe, expect, it } from 'vitest';
import { watchlistClearance, type AlertFacts } from './watchlistClearance';
import type { WatchlistMatch } from './watchlistMatch';

const ENTRY_A = '01JD0000000000000000000AAA';
const ENTRY_B = '01JD0000000000000000000BBB';
const byName: WatchlistMatch = { entryId: ENTRY_A, matchedOn: 'name', how: 'characters' };
const byId: WatchlistMatch = { entryId: ENTRY_B, matchedOn: 'idNumber', how: 'exact' };
const candidate = { name: '陈 伟强', idNumber: '11010519491231002x' };

function alert(overrides: Partial<AlertFacts>): AlertFacts {
  return { id: `alert-${Math.random()}`, watchlistId: ENTRY_A, status: 'acknowledged', decision: 'admitted', candidateName: '陈伟强', candidateIdNumber: '11010519491231002X', ...overrides };
}

describe('watchlist clearance', () => {
  it('clears a candidate with no match', () => {
    expect(watchlistClearance(candidate, [], [])).toEqual({ cleared: true, uncleared: [], admitting: [] });
  });

  it('needs an acknowledged, admitting alert for every match', () => {
    const a = alert({});
    expect(watchlistClearance(candidate, [byName, byId], [a])).toEqual({ cleared: false, uncleared: [byId], admitting: [a] });
    const b = alert({ watchlistId: ENTRY_B });
    expect(watchlistClearance(candidate, [byName, byId], [a, b])).toEqual({ cleared: true, uncleared: [], admitting: [a, b] });
  });

  it('is not cleared by an open alert, a refusal or a call to security', () => {
    for (const other of [alert({ status: 'open', decision: undefined }), alert({ decision: 'refused' }), alert({ decision: 'securityCalled' })]) {
      expect(watchlistClearance(candidate, [byName], [other]).cleared).toBe(false);
    }
  });

  it('is not cleared by an alert raised for somebody else (another name or ID number)', () => {
    expect(watchlistClearance(candidate, [byName], [alert({ candidateName: 'Chen Weiqiang' })]).cleared).toBe(false);
    expect(watchlistClearance(candidate, [byName], [alert({ candidateIdNumber: '110105194912310021' })]).cleared).toBe(false);
    // Spaces and the letter case of the check digit are the same candidate.
    expect(watchlistClearance(candidate, [byName], [alert({})]).cleared).toBe(true);
  });
});
