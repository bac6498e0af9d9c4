import { describe, expect, it } from 'vitest';
import { deskLabel, heardAt, nextPresence, parsePresence, presenceDocId, isPresenceDocId, staleDesks, STALE_DESK_AFTER_MS } from './deskPresence';

const T = Date.UTC(2026, 11, 2, 9, 0, 0);

describe('stale desks (the roll call may be missing their visitors)', () => {
  it('names the desks silent for more than a minute, longest silent first, and not the others', () => {
    const lobby = { deskId: '01LOBBY000000', name: '大堂', syncedAt: T - 5_000 };
    const side = { deskId: '01SIDE0000000', name: '侧门', syncedAt: T - 61_000 };
    const mail = { deskId: '01MAIL0000000', syncedAt: T - 3_600_000 };
    expect(staleDesks([lobby, side, mail], T).map(deskLabel)).toEqual(['01MAIL00', '侧门']);
  });

  it('a desk exactly one minute behind is not stale yet; one millisecond later it is', () => {
    const desk = { deskId: 'D1', syncedAt: T - STALE_DESK_AFTER_MS };
    expect(staleDesks([desk], T)).toEqual([]);
    expect(staleDesks([desk], T + 1)).toEqual([desk]);
  });

  it('counts the newest record of a desk once', () => {
    const old = { deskId: 'D1', syncedAt: T - 120_000 };
    const fresh = { deskId: 'D1', syncedAt: T - 1_000 };
    expect(staleDesks([old, fresh], T)).toEqual([]);
    expect(staleDesks([old, { ...old }], T)).toHaveLength(1);
  });

  it('the heartbeat moves syncedAt only while the desk is in touch with the server', () => {
    const first = nextPresence(null, { deskId: 'D1', name: ' 收发室 ' }, T, true, { push: T - 10 });
    expect(first).toEqual({ deskId: 'D1', name: '收发室', syncedAt: T, lastPushAt: T - 10 });
    const offline = nextPresence(first, { deskId: 'D1' }, T + 90_000, false, {});
    expect(offline.syncedAt).toBe(T);
    expect(staleDesks([offline], T + 90_000)).toEqual([offline]);
    expect(nextPresence(offline, { deskId: 'D1' }, T + 95_000, true, {}).syncedAt).toBe(T + 95_000);
  });

  it('reads only well-formed records, and keeps presence ids apart from table rows', () => {
    expect(parsePresence({ deskId: 'D1', syncedAt: T, name: '  ', extra: 1 })).toEqual({ deskId: 'D1', syncedAt: T });
    expect(parsePresence({ deskId: 'D1', syncedAt: 'soon' })).toBeNull();
    expect(parsePresence({ syncedAt: T })).toBeNull();
    expect(parsePresence(null)).toBeNull();
    expect(presenceDocId('D1')).toBe('deskPresence:D1');
    expect(isPresenceDocId(presenceDocId('D1'))).toBe(true);
    expect(isPresenceDocId('visits:D1')).toBe(false);
  });

  it('judges another desk by when a new record of it arrived here, whatever its clock says', () => {
    const ahead = { deskId: 'D2', syncedAt: T + 600_000 }; // its clock is ten minutes fast
    expect(heardAt(undefined, '1-a', ahead, T)).toBe(T);
    const behind = { deskId: 'D2', syncedAt: T - 30_000 };
    expect(heardAt(undefined, '1-a', behind, T)).toBe(T - 30_000);
    expect(heardAt({ rev: '1-a', heardAt: T - 30_000 }, '1-a', behind, T + 90_000)).toBe(T - 30_000);
    expect(heardAt({ rev: '1-a', heardAt: T - 30_000 }, '2-b', behind, T + 90_000)).toBe(T + 90_000);
  });
});
