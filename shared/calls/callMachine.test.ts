import { describe, expect, it } from 'vitest';
import { applyCallEvent, deriveCallFigures, startCall, InvalidCallTransition, type CallEvent, type CallSnapshot } from './callMachine';

function run(direction: 'inbound' | 'outbound', events: CallEvent[], start = 1000): CallSnapshot {
  return events.reduce(applyCallEvent, startCall(direction, start));
}

describe('call state machine', () => {
  it('answered call: ring, talk and hold times', () => {
    const call = run('inbound', [
      { type: 'answered', at: 4000 },
      { type: 'hold', at: 10_000 },
      { type: 'unhold', at: 15_000 },
      { type: 'ended', at: 25_000, cause: 'remote-hangup' },
    ]);
    expect(call.state).toBe('ended');
    expect(deriveCallFigures(call)).toEqual({ disposition: 'answered', ringMs: 3000, talkMs: 16_000, holdMs: 5000, transferredTo: undefined, transferKind: undefined });
  });

  it('caller gives up while ringing → abandoned while ringing', () => {
    const call = run('inbound', [{ type: 'ended', at: 9000, cause: 'remote-cancel' }]);
    expect(deriveCallFigures(call)).toMatchObject({ disposition: 'abandoned-ringing', ringMs: 8000, talkMs: 0 });
  });

  it('desk declines or lets it ring out → missed', () => {
    expect(deriveCallFigures(run('inbound', [{ type: 'ended', at: 2000, cause: 'declined' }])).disposition).toBe('missed');
    expect(deriveCallFigures(run('inbound', [{ type: 'ended', at: 31_000, cause: 'ring-timeout' }])).disposition).toBe('missed');
  });

  it('caller hangs up while held → abandoned while held, hold time counted to the end', () => {
    const call = run('inbound', [
      { type: 'answered', at: 2000 },
      { type: 'hold', at: 5000 },
      { type: 'ended', at: 65_000, cause: 'remote-hangup' },
    ]);
    expect(deriveCallFigures(call)).toMatchObject({ disposition: 'abandoned-held', holdMs: 60_000, talkMs: 3000 });
  });

  it('blind transfer success records the target', () => {
    const call = run('inbound', [
      { type: 'answered', at: 2000 },
      { type: 'transfer-started', at: 3000, kind: 'blind', target: '3001' },
      { type: 'transfer-progress', at: 3100, statusCode: 180 },
      { type: 'transfer-succeeded', at: 3200 },
      { type: 'ended', at: 3250, cause: 'local-hangup' },
    ]);
    expect(deriveCallFigures(call)).toMatchObject({ disposition: 'transferred-blind', transferredTo: '3001', transferKind: 'blind' });
  });

  it('failed transfer keeps the caller; ending afterwards records transfer-failed', () => {
    let call = run('inbound', [
      { type: 'answered', at: 2000 },
      { type: 'transfer-started', at: 3000, kind: 'blind', target: '3999' },
      { type: 'transfer-failed', at: 3100, statusCode: 404, reason: 'Not Found' },
    ]);
    expect(call.state).toBe('active');
    expect(call.transfers[0]).toMatchObject({ outcome: 'failed', lastStatusCode: 404 });
    call = applyCallEvent(call, { type: 'ended', at: 9000, cause: 'local-hangup' });
    expect(deriveCallFigures(call).disposition).toBe('transfer-failed');
  });

  it('a failed then successful attended transfer counts as attended', () => {
    const call = run('inbound', [
      { type: 'answered', at: 2000 },
      { type: 'hold', at: 2500 },
      { type: 'transfer-started', at: 3000, kind: 'attended', target: '3001' },
      { type: 'transfer-failed', at: 3100, statusCode: 486 },
      { type: 'transfer-started', at: 4000, kind: 'attended', target: '3002' },
      { type: 'transfer-succeeded', at: 4200 },
      { type: 'ended', at: 4300, cause: 'local-hangup' },
    ]);
    expect(deriveCallFigures(call)).toMatchObject({ disposition: 'transferred-attended', transferredTo: '3002', holdMs: 1800 });
  });

  it('outbound calls: unanswered and failed', () => {
    expect(deriveCallFigures(run('outbound', [{ type: 'ended', at: 5000, cause: 'rejected', statusCode: 486 }])).disposition).toBe('unanswered');
    expect(deriveCallFigures(run('outbound', [{ type: 'ended', at: 5000, cause: 'error' }])).disposition).toBe('failed');
  });

  it('refuses impossible events instead of recording nonsense', () => {
    expect(() => run('inbound', [{ type: 'hold', at: 2 }])).toThrow(InvalidCallTransition);
    expect(() => run('inbound', [{ type: 'answered', at: 2 }, { type: 'answered', at: 3 }])).toThrow(InvalidCallTransition);
    const ended = run('inbound', [{ type: 'ended', at: 2, cause: 'remote-cancel' }]);
    expect(() => applyCallEvent(ended, { type: 'answered', at: 3 })).toThrow(InvalidCallTransition);
    // late NOTIFY after our leg is gone is harmless
    expect(applyCallEvent(ended, { type: 'transfer-succeeded', at: 4 })).toBe(ended);
  });
});
