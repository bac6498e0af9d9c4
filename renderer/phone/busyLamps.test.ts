// Busy lamp subscriptions against a fake sip.js Subscriber: bounded, unknown until the PBX says otherwise,
// unknown when the registration is lost or a lifetime runs out, and every lamp subscribed afresh after a
// re-registration.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const made = vi.hoisted(() => [] as FakeSubscriber[]);

interface FakeSubscriber {
  target: string;
  event: string;
  options: { expires: number; extraHeaders: string[] };
  delegate?: { onNotify(n: unknown): void };
  state: string;
  listeners: Array<(s: string) => void>;
  disposed: boolean;
  notify(body: string | undefined, subscriptionState?: string): void;
  terminate(): void;
}

vi.mock('sip.js', () => {
  const SubscriptionState = { Initial: 'Initial', NotifyWait: 'NotifyWait', Subscribed: 'Subscribed', Terminated: 'Terminated' };
  class Subscriber {
    delegate: FakeSubscriber['delegate'];
    state = 'Initial';
    listeners: Array<(s: string) => void> = [];
    disposed = false;
    readonly stateChange = { addListener: (l: (s: string) => void) => this.listeners.push(l) };
    constructor(_ua: unknown, readonly targetUri: { user: string }, readonly event: string, readonly options: FakeSubscriber['options']) {
      made.push(this as unknown as FakeSubscriber);
    }
    get target() {
      return this.targetUri.user;
    }
    subscribe() {
      this.state = 'NotifyWait';
      return Promise.resolve();
    }
    unsubscribe() {
      this.disposed = true;
      return Promise.resolve();
    }
    dispose() {
      this.disposed = true;
      return Promise.resolve();
    }
    notify(body: string | undefined, subscriptionState = 'active;expires=600') {
      this.state = 'Subscribed';
      const request = { body: body ?? '', getHeader: (name: string) => (name === 'Subscription-State' ? subscriptionState : undefined) };
      this.delegate?.onNotify({ request, accept: () => Promise.resolve() });
    }
    terminate() {
      this.state = 'Terminated';
      for (const l of this.listeners) l('Terminated');
    }
  }
  return {
    Subscriber,
    SubscriptionState,
    UserAgent: { makeURI: (uri: string) => ({ user: /^sip:([^@]+)@/.exec(uri)?.[1] ?? '' }) },
  };
});

import { BusyLamps, MAX_LAMPS } from './busyLamps';
import { LAMP_EXPIRY_GRACE_MS } from '@shared/phone/dialogInfo';

const idleDoc = (v = 0) => `<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${v}" state="full" entity="sip:x@127.0.0.1"><dialog id="dummy"><state>terminated</state></dialog></dialog-info>`;
const busyDoc = (v: number) => `<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${v}" state="full" entity="sip:x@127.0.0.1"><dialog id="a" direction="recipient"><state>confirmed</state></dialog></dialog-info>`;

function setup() {
  let registered = false;
  const lamps = new BusyLamps({
    userAgent: () => ({ isConnected: () => registered }) as never,
    registered: () => registered,
    sipDomain: () => '127.0.0.1',
    ownExtension: () => '2000',
  });
  return {
    lamps,
    register() {
      registered = true;
      lamps.registered();
    },
    lose() {
      registered = false;
      lamps.offline();
    },
  };
}

const flush = () => new Promise<void>((r) => queueMicrotask(r));
const live = (target: string) => made.filter((s) => s.target === target && !s.disposed).at(-1)!;
const stateOf = (lamps: BusyLamps, ext: string) => lamps.getSnapshot().byExtension.get(ext)?.state;

describe('BusyLamps', () => {
  beforeEach(() => {
    made.length = 0;
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('watches the directory extensions without the own one, unknown until registered and told', async () => {
    const { lamps, register } = setup();
    lamps.watch([{ extension: '3001', name: '李秀英' }, { extension: '2000' }, { extension: '3002' }, { extension: '3001' }]);
    await flush();
    expect(lamps.getSnapshot().lamps.map((l) => [l.extension, l.state])).toEqual([
      ['3001', 'unknown'],
      ['3002', 'unknown'],
    ]);
    expect(made).toHaveLength(0);
    register();
    expect(made.map((s) => s.target)).toEqual(['3001', '3002']);
    expect(made[0]!.event).toBe('dialog');
    expect(made[0]!.options.extraHeaders).toContain('Accept: application/dialog-info+xml');
    // Nothing published yet: still unknown. A document without live dialogs: idle.
    live('3001').notify(undefined);
    await flush();
    expect(stateOf(lamps, '3001')).toBe('unknown');
    live('3001').notify(idleDoc());
    live('3002').notify(busyDoc(1));
    await flush();
    expect(stateOf(lamps, '3001')).toBe('idle');
    expect(stateOf(lamps, '3002')).toBe('busy');
  });

  it('is bounded, and subscribes at most 20 at a time until the first NOTIFYs come', () => {
    const { lamps, register } = setup();
    lamps.watch(Array.from({ length: MAX_LAMPS + 50 }, (_, i) => ({ extension: String(5000 + i) })));
    expect(lamps.getSnapshot().lamps).toHaveLength(0); // (the snapshot is made in a microtask)
    register();
    expect(made).toHaveLength(20);
    for (const s of [...made]) s.notify(idleDoc());
    expect(made).toHaveLength(40);
    while (made.some((s) => s.state !== 'Subscribed')) for (const s of made.filter((x) => x.state !== 'Subscribed')) s.notify(idleDoc());
    expect(made).toHaveLength(MAX_LAMPS);
  });

  it('turns every lamp unknown when the registration is lost, and subscribes all afresh after re-registering', async () => {
    const { lamps, register, lose } = setup();
    lamps.watch([{ extension: '3001' }, { extension: '3002' }]);
    register();
    live('3001').notify(busyDoc(1));
    live('3002').notify(idleDoc());
    await flush();
    const before = [live('3001'), live('3002')];
    lose();
    await flush();
    expect([stateOf(lamps, '3001'), stateOf(lamps, '3002')]).toEqual(['unknown', 'unknown']);
    expect(before.every((s) => s.disposed)).toBe(true);
    // a late NOTIFY of a dead subscription changes nothing
    before[0]!.notify(busyDoc(2));
    await flush();
    expect(stateOf(lamps, '3001')).toBe('unknown');
    register();
    expect(made).toHaveLength(4);
    live('3001').notify(idleDoc());
    await flush();
    expect(stateOf(lamps, '3001')).toBe('idle');
  });

  it('a lifetime that runs out without a refresh makes the lamp unknown and subscribes again; a refresh keeps it busy', async () => {
    const { lamps, register } = setup();
    lamps.watch([{ extension: '3001' }]);
    register();
    live('3001').notify(busyDoc(1), 'active;expires=10');
    // refreshed at 9 s (a NOTIFY with the same state): still busy after 15 s
    vi.advanceTimersByTime(9000);
    live('3001').notify(busyDoc(2), 'active;expires=10');
    vi.advanceTimersByTime(6000);
    await flush();
    expect(stateOf(lamps, '3001')).toBe('busy');
    expect(made).toHaveLength(1);
    // no refresh this time: the lifetime runs out at 19 s, the grace for a late NOTIFY after it
    vi.advanceTimersByTime(4000);
    await flush();
    expect(stateOf(lamps, '3001')).toBe('busy');
    vi.advanceTimersByTime(LAMP_EXPIRY_GRACE_MS + 1000);
    await flush();
    expect(stateOf(lamps, '3001')).toBe('unknown');
    expect(made).toHaveLength(2);
  });

  it('a subscription that ends is unknown and retried after a pause', async () => {
    const { lamps, register } = setup();
    lamps.watch([{ extension: '3001' }]);
    register();
    live('3001').notify(idleDoc());
    live('3001').terminate();
    await flush();
    expect(stateOf(lamps, '3001')).toBe('unknown');
    expect(made).toHaveLength(1);
    vi.advanceTimersByTime(2000);
    expect(made).toHaveLength(2);
  });
});
