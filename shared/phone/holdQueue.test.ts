import { describe, expect, it } from 'vitest';
import { dueForRecall, holdQueue, longestWaiting, nextRecallAt, recallDueAt, type HeldLineFacts } from './holdQueue';

const held = (id: string, heldSince: number, extra: Partial<HeldLineFacts> = {}): HeldLineFacts => ({ id, state: 'held', heldSince, ...extra });

describe('holdQueue', () => {
  it('lists only held calls, longest waiting first, with the time waited', () => {
    const lines = [held('b', 5_000), { id: 'x', state: 'active' }, held('a', 2_000), held('c', 9_000), { id: 'r', state: 'ringing' }];
    const queue = holdQueue(lines, 10_000);
    expect(queue.map((e) => e.line.id)).toEqual(['a', 'b', 'c']);
    expect(queue.map((e) => e.waitedMs)).toEqual([8_000, 5_000, 1_000]);
  });

  it('orders equal hold times stably by id and never reports a negative wait', () => {
    const queue = holdQueue([held('z', 1_000), held('m', 1_000)], 500);
    expect(queue.map((e) => e.line.id)).toEqual(['m', 'z']);
    expect(queue[0]!.waitedMs).toBe(0);
  });

  it('ignores a held line without a hold time', () => {
    expect(holdQueue([{ id: 'q', state: 'held' }], 1)).toEqual([]);
  });

  it('longestWaiting is the head of the queue, undefined when nobody is held', () => {
    expect(longestWaiting([held('b', 5), held('a', 3)], 10)?.id).toBe('a');
    expect(longestWaiting([{ id: 'x', state: 'active' }], 10)).toBeUndefined();
  });
});

describe('recall', () => {
  const recallMs = 60_000;

  it('a call is due once it has been held for the recall time, not a millisecond before', () => {
    const line = held('a', 1_000);
    expect(recallDueAt(line, recallMs)).toBe(61_000);
    expect(dueForRecall([line], 60_999, recallMs)).toEqual([]);
    expect(dueForRecall([line], 61_000, recallMs)).toEqual([line]);
  });

  it('lists every due call longest waiting first and leaves the others', () => {
    const lines = [held('late', 30_000), held('first', 0), held('second', 10_000)];
    expect(dueForRecall(lines, 75_000, recallMs).map((l) => l.id)).toEqual(['first', 'second']);
  });

  it('a caller with a consultation running for them, or no longer held, is not recalled', () => {
    expect(dueForRecall([held('a', 0, { consultLineId: 'c' }), { id: 'b', state: 'active', heldSince: 0 }], 100_000, recallMs)).toEqual([]);
    expect(recallDueAt({ id: 'b', state: 'active' }, recallMs)).toBeUndefined();
  });

  it('the next recall is the earliest future due time', () => {
    const lines = [held('a', 0), held('b', 20_000), held('c', 5_000)];
    expect(nextRecallAt(lines, 62_000, recallMs)).toBe(65_000);
    expect(nextRecallAt(lines, 90_000, recallMs)).toBeUndefined();
  });
});
