import { describe, expect, it } from 'vitest';
import { formatDuration } from './durations';
import { effectiveLine } from './switchboardUiStore';
import type { LineView } from '../../phone/phoneTypes';

describe('formatDuration', () => {
  it('formats call timers', () => {
    expect(formatDuration(7_400)).toBe('0:07');
    expect(formatDuration(65_000)).toBe('1:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(-5)).toBe('0:00');
  });
});

function line(id: string, state: LineView['state'], extra: Partial<LineView> = {}): LineView {
  return { id, lineNo: 1, direction: 'inbound', remoteUser: id, state, muted: false, holdPending: false, ringStartedAt: 0, sipCallId: id, ...extra };
}

describe('effectiveLine', () => {
  it('prefers the picked line, then the active one, then the longest held, then the longest ringing', () => {
    const lines = [line('r1', 'ringing', { ringStartedAt: 5 }), line('r0', 'ringing', { ringStartedAt: 1 }), line('h2', 'held', { heldSince: 9 }), line('h1', 'held', { heldSince: 3 })];
    expect(effectiveLine(lines, undefined)?.id).toBe('h1');
    expect(effectiveLine([...lines, line('a', 'active')], undefined)?.id).toBe('a');
    expect(effectiveLine(lines, 'r1')?.id).toBe('r1');
    expect(effectiveLine(lines.filter((l) => l.state === 'ringing'), undefined)?.id).toBe('r0');
    expect(effectiveLine([line('e', 'ended')], 'e')).toBeUndefined();
  });
});
