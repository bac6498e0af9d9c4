// The recall watch turns the pure rule into a live set: a held call joins it when its recall time is up
// (by a timer set for that moment), and leaves it when it is resumed or ends.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LineView } from './phoneTypes';
import { RecallWatch } from './recallWatch';

const view = (id: string, patch: Partial<LineView>): LineView => ({
  id, lineNo: 1, direction: 'inbound', remoteUser: '1001', state: 'active', muted: false, holdPending: false, ringStartedAt: 0, sipCallId: id, ...patch,
});

afterEach(() => {
  vi.useRealTimers();
});

describe('RecallWatch', () => {
  it('rings back a held call once its recall time has passed, and stops when it is taken back', () => {
    vi.useFakeTimers({ now: 100_000 });
    let lines: LineView[] = [view('a', { state: 'held', heldSince: 100_000 }), view('b', { state: 'active' })];
    const watch = new RecallWatch(() => lines, () => 10_000);
    const heard = vi.fn();
    watch.subscribe(heard);
    watch.update();
    expect(watch.getSnapshot()).toEqual([]);
    vi.advanceTimersByTime(9_990);
    expect(watch.getSnapshot()).toEqual([]);
    vi.advanceTimersByTime(20);
    expect(watch.getSnapshot()).toEqual(['a']);
    expect(heard).toHaveBeenCalledTimes(1);

    lines = [view('a', { state: 'active' }), view('b', { state: 'active' })];
    watch.update();
    expect(watch.getSnapshot()).toEqual([]);
    watch.dispose();
  });

  it('keeps the same snapshot when nothing due changed, so readers are not woken', () => {
    vi.useFakeTimers({ now: 0 });
    const lines = [view('a', { state: 'held', heldSince: 0 })];
    const watch = new RecallWatch(() => lines, () => 10_000);
    vi.setSystemTime(20_000);
    watch.update();
    const first = watch.getSnapshot();
    watch.update();
    expect(watch.getSnapshot()).toBe(first);
    watch.dispose();
  });
});
