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

  it('publishes a call that starts ringing at the end of the current task, once', async () => {
    let lines: LineView[] = [];
    const store = new PhoneViewStore(() => lines);
    const seen: LineView[][] = [];
    store.subscribe(() => seen.push(store.get().lines));
    store.changed();
    lines = [ringing];
    store.changed(true);
    store.changed(true);
    await Promise.resolve();
    expect(seen).toEqual([[ringing]]);
    // The coalesced publish that was already scheduled has nothing left to do.
    await nextTask();
    expect(seen).toHaveLength(1);
  });
});
