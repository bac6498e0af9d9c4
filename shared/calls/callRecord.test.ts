import { describe, expect, it } from 'vitest';
import { callSchema } from '../domain/switchboard';
import { applyCallEvent, startCall, type CallEvent } from './callMachine';
import { buildCallRecord } from './callRecord';

const facts = { remoteUser: '+86 138 0013 8000', remoteName: '张三', lineNo: 2, sipCallId: 'abc@host', ownExtension: '2000', handledBy: 'desk' };
const stored = { id: '01JDESK0000000000000000000', createdAt: 1, updatedAt: 1, deskId: 'desk-1' };

function snapshot(events: CallEvent[]) {
  return events.reduce(applyCallEvent, startCall('inbound', 1000));
}

describe('buildCallRecord', () => {
  it('records a ringing call, then the answered figures, valid against the stored schema', () => {
    const ringing = buildCallRecord(startCall('inbound', 1000), facts);
    expect(ringing).toMatchObject({ disposition: 'ringing', startedAt: 1000, remoteNumberDigits: '8613800138000', remoteNumberKey: '+8613800138000', line: 2, extension: '2000' });
    expect(callSchema.safeParse({ ...ringing, ...stored }).success).toBe(true);

    const live = buildCallRecord(snapshot([{ type: 'answered', at: 3500 }]), facts);
    expect(live).toMatchObject({ disposition: 'connected', ringMs: 2500 });

    const ended = buildCallRecord(snapshot([{ type: 'answered', at: 3500 }, { type: 'ended', at: 63_500, cause: 'remote-hangup' }]), facts);
    expect(ended).toMatchObject({ disposition: 'answered', ringMs: 2500, talkMs: 60_000, holdMs: 0, endedAt: 63_500 });
    expect(callSchema.safeParse({ ...ended, ...stored }).success).toBe(true);
  });

  it('keeps the hold time growing while a caller waits', () => {
    const held = snapshot([{ type: 'answered', at: 2000 }, { type: 'hold', at: 4000 }]);
    expect(buildCallRecord(held, facts, 10_000).holdMs).toBe(6000);
  });

  it('records a confirmed blind transfer and a failed one with its SIP code', () => {
    const done = buildCallRecord(
      snapshot([
        { type: 'answered', at: 2000 },
        { type: 'transfer-started', at: 3000, kind: 'blind', target: '3001' },
        { type: 'transfer-succeeded', at: 3300 },
        { type: 'ended', at: 3400, cause: 'local-hangup' },
      ]),
      facts,
    );
    expect(done).toMatchObject({ disposition: 'transferred-blind', transferredTo: '3001', transferKind: 'blind', transferConfirmed: 1 });

    const failed = buildCallRecord(
      snapshot([
        { type: 'answered', at: 2000 },
        { type: 'transfer-started', at: 3000, kind: 'blind', target: '3999' },
        { type: 'transfer-failed', at: 3100, statusCode: 404 },
        { type: 'ended', at: 9000, cause: 'local-hangup' },
      ]),
      facts,
    );
    expect(failed).toMatchObject({ disposition: 'transfer-failed', statusCode: 404, transferredTo: '3999' });
    expect(failed.transferConfirmed).toBeUndefined();
    expect(callSchema.safeParse({ ...failed, ...stored }).success).toBe(true);
  });

  it('records an abandoned call', () => {
    expect(buildCallRecord(snapshot([{ type: 'ended', at: 4000, cause: 'remote-cancel' }]), facts)).toMatchObject({ disposition: 'abandoned-ringing', ringMs: 3000, talkMs: 0 });
  });
});
