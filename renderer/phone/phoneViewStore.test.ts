import { describe, expect, it } from 'vitest';
import { PhoneViewStore } from './phoneViewStore';
import type { LineView } from './phoneTypes';

const ringing: LineView = { id: 'a', lineNo: 1, direction: 'inbound', remoteUser: '1001', state: 'ringing', muted: false, holdPending: false, ringStartedAt: 0, sipCallId: 'a' };
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('PhoneViewStore', () => {
  it('coalesces changes into one snapshot published in a later task', async () => {
    let lines: LineView[] = [];
    const store = new PhoneViewStore(() => lines);
    let published = 0;
    store.subscribe(() => (published += 1));
    lines = [ringing];
    store.changed();
    store.changed();
    await Promise.resolve();
    expect(published).toBe(0);
    await nextTask();
    expect(published).toBe(1);
    expect(store.get().lines).toEqual([ringing]);
  });

  it('publishes a call that starts ringing at the end of the current task to the pop-up, and the whole snapshot after that paint', async () => {
    let lines: LineView[] = [];
    const paints: Array<() => void> = [];
    const store = new PhoneViewStore(() => lines, (work) => {
      paints.push(work);
      return () => paints.splice(paints.indexOf(work), 1);
    });
    const seen: LineView[][] = [];
    const rang: (readonly LineView[])[] = [];
    store.subscribe(() => seen.push(store.get().lines));
    store.subscribeRinging(() => rang.push(store.getRinging()));
    store.changed();
    lines = [ringing];
    store.changed(true);
    store.changed(true);
    await Promise.resolve();
    // The pop-up's store at once, once; the screen's snapshot not yet, not even the task already scheduled.
    expect(rang).toEqual([[ringing]]);
    await nextTask();
    expect(seen).toEqual([]);
    // After the paint: the whole snapshot, once; the ringing calls are the same, so the pop-up is not told again.
    expect(paints).toHaveLength(1);
    paints[0]!();
    expect(seen).toEqual([[ringing]]);
    expect(rang).toHaveLength(1);
    await nextTask();
    expect(seen).toHaveLength(1);
  });

  it('takes an answered call off the pop-up with the next snapshot, and orders the ringing calls by ring time', async () => {
    const later: LineView = { ...ringing, id: 'b', lineNo: 2, ringStartedAt: 5 };
    const outbound: LineView = { ...ringing, id: 'c', lineNo: 3, direction: 'outbound' };
    let lines: LineView[] = [later, outbound, ringing];
    const store = new PhoneViewStore(() => lines, (work) => {
      const timer = setTimeout(work, 0);
      return () => clearTimeout(timer);
    });
    store.changed(true);
    await Promise.resolve();
    expect(store.getRinging().map((l) => l.id)).toEqual(['a', 'b']);
    lines = [later, outbound, { ...ringing, state: 'active' }];
    store.changed();
    await nextTask();
    expect(store.getRinging().map((l) => l.id)).toEqual(['b']);
    expect(store.get().lines.map((l) => l.state)).toEqual(['ringing', 'ringing', 'active']);
  });
});
