// Busy lamps (BLF): one RFC 4235 "dialog" subscription (sip.js Subscriber, Accept:
// application/dialog-info+xml) per watched extension, and the lamps in one store for the screens.
// The rules that turn NOTIFYs into lamps are pure (shared/phone/dialogInfo.ts); this class owns the
// subscriptions' lives:
// - bounded: at most MAX_LAMPS extensions, subscribed at most SUBSCRIBE_IN_FLIGHT at a time;
// - sip.js refreshes each subscription at 90 % of the lifetime granted; a lamp whose lifetime runs out
//   without a NOTIFY (after a short grace for the refresh's NOTIFY, LAMP_EXPIRY_GRACE_MS) turns 'unknown'
//   and is subscribed again;
// - a subscription that fails or ends turns its lamp 'unknown' and is retried with a back-off;
// - when the registration is lost every lamp is 'unknown' (the PBX may be restarting: its old
//   subscriptions are dead, refreshes get 481 or silence), and after the phone registers again every lamp
//   is subscribed afresh (tests/lab/README.md, "Busy lamps").
import { Subscriber, SubscriptionState, UserAgent, type Notification } from 'sip.js';
import { applyNotify, expireLamp, parseSubscriptionState, unknownLamp, type LampRecord, type LampState } from '@shared/phone/dialogInfo';
import { createStore } from '@shared/store/createStore';

export type { LampState } from '@shared/phone/dialogInfo';

/** The most extensions watched at once (a directory's first MAX_LAMPS extensions, in extension order). */
export const MAX_LAMPS = 250;
/** SUBSCRIBEs waiting for their first NOTIFY at once (a 200-lamp start-up must not flood the PBX). */
const SUBSCRIBE_IN_FLIGHT = 20;
/** Lifetime asked for a subscription (s); the PBX may grant less, sip.js refreshes at 90 % of it. */
export const LAMP_EXPIRES_S = 600;
const FIRST_NOTIFY_TIMEOUT_MS = 10_000;
const RETRY_MS = [2000, 5000, 10_000, 30_000, 60_000];
const EXPIRY_CHECK_MS = 1000;

export interface WatchedExtension {
  extension: string;
  name?: string;
}

export interface LampView {
  extension: string;
  name?: string;
  state: LampState;
}

export interface LampsSnapshot {
  /** In the order watched. */
  lamps: readonly LampView[];
  byExtension: ReadonlyMap<string, LampView>;
}

export interface BusyLampHost {
  userAgent(): UserAgent | undefined;
  registered(): boolean;
  sipDomain(): string | undefined;
  ownExtension(): string | undefined;
}

interface Watch {
  extension: string;
  name?: string;
  record: LampRecord;
  view: LampView;
  subscriber?: Subscriber;
  /** Bumped for every new subscriber, so a dead one's late events are ignored. */
  generation: number;
  queued: boolean;
  attempts: number;
  retryTimer?: ReturnType<typeof setTimeout>;
  settleFirst?: () => void;
}

const EMPTY: LampsSnapshot = { lamps: [], byExtension: new Map() };

export class BusyLamps {
  private readonly store = createStore<LampsSnapshot>(EMPTY);
  private readonly watches = new Map<string, Watch>();
  private order: string[] = [];
  private queue: string[] = [];
  private inFlight = 0;
  private flushScheduled = false;
  private expiryTimer: ReturnType<typeof setInterval> | undefined;
  private online = false;
  private lastList: readonly WatchedExtension[] = [];

  constructor(
    private readonly host: BusyLampHost,
    private readonly now: () => number = Date.now,
  ) {}

  subscribe = (listener: () => void): (() => void) => this.store.subscribe(listener);

  getSnapshot = (): LampsSnapshot => this.store.get();

  /** The lamp of one extension, if it is watched. */
  lamp(extension: string): LampView | undefined {
    return this.store.get().byExtension.get(extension);
  }

  /** The extensions to watch (the directory's); duplicates, the console's own and the ones beyond MAX_LAMPS are left out. */
  watch(list: readonly WatchedExtension[]): void {
    this.lastList = list;
    const own = this.host.ownExtension();
    const wanted = new Map<string, WatchedExtension>();
    for (const w of [...list].sort((a, b) => a.extension.localeCompare(b.extension, 'en', { numeric: true }))) {
      if (!w.extension || w.extension === own || wanted.has(w.extension)) continue;
      if (wanted.size >= MAX_LAMPS) break;
      wanted.set(w.extension, w);
    }
    for (const [extension, watch] of this.watches) {
      if (!wanted.has(extension)) {
        this.drop(watch, true);
        this.watches.delete(extension);
      }
    }
    for (const w of wanted.values()) {
      const existing = this.watches.get(w.extension);
      if (existing) {
        if (existing.name !== w.name) {
          existing.name = w.name;
          this.refreshView(existing);
        }
        continue;
      }
      const record = unknownLamp(this.now());
      const watch: Watch = { extension: w.extension, ...(w.name ? { name: w.name } : {}), record, view: { extension: w.extension, ...(w.name ? { name: w.name } : {}), state: 'unknown' }, generation: 0, queued: false, attempts: 0 };
      this.watches.set(w.extension, watch);
      if (this.online) this.enqueue(watch);
    }
    this.queue = this.queue.filter((e) => this.watches.has(e));
    this.order = [...wanted.keys()];
    this.schedule();
    this.pump();
  }

  /**
   * The phone registered (first time or after a loss): every lamp is subscribed afresh. The old
   * subscriptions may be dead on the PBX's side without anyone saying so.
   */
  registered(): void {
    // the console's own extension is known now: leave it out
    this.online = false;
    this.watch(this.lastList);
    this.online = true;
    this.expiryTimer ??= setInterval(() => this.checkExpiry(), EXPIRY_CHECK_MS);
    this.queue = [];
    this.inFlight = 0;
    for (const watch of this.watches.values()) {
      this.drop(watch, false);
      this.setRecord(watch, unknownLamp(this.now()));
      watch.queued = false;
      this.enqueue(watch);
    }
    this.pump();
  }

  /** The registration or the connection is gone: nothing the lamps say can be trusted. */
  offline(): void {
    if (!this.online && [...this.watches.values()].every((w) => w.view.state === 'unknown')) return;
    this.online = false;
    clearInterval(this.expiryTimer);
    this.expiryTimer = undefined;
    this.queue = [];
    this.inFlight = 0;
    for (const watch of this.watches.values()) {
      this.drop(watch, false);
      this.setRecord(watch, unknownLamp(this.now()));
    }
  }

  /** Unsubscribes everything (the phone disconnects or the desk closes). */
  stop(): void {
    this.online = false;
    clearInterval(this.expiryTimer);
    this.expiryTimer = undefined;
    for (const watch of this.watches.values()) this.drop(watch, true);
    this.watches.clear();
    this.order = [];
    this.queue = [];
    this.inFlight = 0;
    this.schedule();
  }

  // ---- subscriptions -----------------------------------------------------------------------------

  private enqueue(watch: Watch): void {
    if (watch.queued) return;
    watch.queued = true;
    this.queue.push(watch.extension);
  }

  private pump(): void {
    while (this.online && this.inFlight < SUBSCRIBE_IN_FLIGHT && this.queue.length > 0) {
      const extension = this.queue.shift()!;
      const watch = this.watches.get(extension);
      if (!watch) continue;
      watch.queued = false;
      this.start(watch);
    }
  }

  private start(watch: Watch): void {
    const ua = this.host.userAgent();
    const domain = this.host.sipDomain();
    const target = ua && domain ? UserAgent.makeURI(`sip:${watch.extension}@${domain}`) : undefined;
    if (!ua || !target || !this.host.registered()) return;
    this.drop(watch, false);
    const generation = ++watch.generation;
    const current = () => watch.generation === generation && this.watches.get(watch.extension) === watch;
    let settled = false;
    this.inFlight += 1;
    const timer = setTimeout(() => settle(), FIRST_NOTIFY_TIMEOUT_MS);
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (watch.settleFirst === settle) watch.settleFirst = undefined;
      this.inFlight = Math.max(0, this.inFlight - 1);
      this.pump();
    };
    watch.settleFirst = settle;
    const subscriber = new Subscriber(ua, target, 'dialog', { expires: LAMP_EXPIRES_S, extraHeaders: ['Accept: application/dialog-info+xml'] });
    watch.subscriber = subscriber;
    subscriber.delegate = {
      onNotify: (notification: Notification) => {
        notification.accept().catch(() => undefined);
        if (!current()) return;
        const request = notification.request;
        const state = parseSubscriptionState(request.getHeader('Subscription-State'));
        const body = request.body ? request.body : undefined;
        watch.attempts = 0;
        this.setRecord(watch, applyNotify(watch.record, { ...state, ...(body !== undefined ? { body } : {}) }, this.now()));
        settle();
        // A document that could not be used: ask for a full one by refreshing now.
        if (watch.record.needsFull && subscriber.state === SubscriptionState.Subscribed) void subscriber.subscribe().catch(() => undefined);
      },
    };
    subscriber.stateChange.addListener((state) => {
      if (state !== SubscriptionState.Terminated || !current()) return;
      watch.subscriber = undefined;
      this.setRecord(watch, unknownLamp(this.now()));
      settle();
      this.retryLater(watch);
    });
    subscriber.subscribe().catch(() => {
      if (!current()) return;
      this.setRecord(watch, unknownLamp(this.now()));
      settle();
      this.retryLater(watch);
    });
  }

  private retryLater(watch: Watch): void {
    clearTimeout(watch.retryTimer);
    if (!this.online) return;
    const wait = RETRY_MS[Math.min(watch.attempts, RETRY_MS.length - 1)]!;
    watch.attempts += 1;
    watch.retryTimer = setTimeout(() => {
      watch.retryTimer = undefined;
      if (this.online && this.watches.get(watch.extension) === watch && !watch.subscriber) {
        this.enqueue(watch);
        this.pump();
      }
    }, wait);
  }

  /** Forgets a lamp's subscriber; `politely` sends the un-SUBSCRIBE (never awaited: see the README). */
  private drop(watch: Watch, politely: boolean): void {
    clearTimeout(watch.retryTimer);
    watch.retryTimer = undefined;
    watch.generation += 1;
    const settle = watch.settleFirst;
    watch.settleFirst = undefined;
    settle?.();
    const subscriber = watch.subscriber;
    watch.subscriber = undefined;
    if (!subscriber) return;
    try {
      if (politely && this.host.userAgent()?.isConnected()) void subscriber.unsubscribe().catch(() => undefined);
      else void subscriber.dispose().catch(() => undefined);
    } catch {
      /* a subscription of a dead connection */
    }
  }

  private checkExpiry(): void {
    const now = this.now();
    for (const watch of this.watches.values()) {
      const next = expireLamp(watch.record, now);
      if (next === watch.record) continue;
      this.setRecord(watch, next);
      // The lifetime ran out without a refresh: the subscription is gone, make a new one.
      this.drop(watch, false);
      this.enqueue(watch);
    }
    this.pump();
  }

  // ---- the store ---------------------------------------------------------------------------------

  private setRecord(watch: Watch, record: LampRecord): void {
    watch.record = record;
    this.refreshView(watch);
  }

  private refreshView(watch: Watch): void {
    const state = watch.record.state;
    if (watch.view.state === state && watch.view.name === watch.name) return;
    watch.view = { extension: watch.extension, ...(watch.name ? { name: watch.name } : {}), state };
    this.schedule();
  }

  /** Many NOTIFYs in one task (a 200-lamp start-up) make one snapshot. */
  private schedule(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      const lamps = this.order.map((e) => this.watches.get(e)?.view).filter((v): v is LampView => v !== undefined);
      this.store.set({ lamps, byExtension: new Map(lamps.map((l) => [l.extension, l])) });
    });
  }
}
