import { describe, expect, it } from 'vitest';
import { applyNotify, expireLamp, LAMP_EXPIRY_GRACE_MS, lampOfDialogs, parseDialogInfo, parseSubscriptionState, unknownLamp, type LampRecord } from './dialogInfo';

/** A document shaped like Kamailio's pua_dialoginfo + presence_dialoginfo output (tests/lab/README.md). */
function doc(version: number, dialogs: Array<{ id: string; state: string; direction?: string }>, state: 'full' | 'partial' = 'full'): string {
  const body = dialogs
    .map(
      (d) =>
        `<dialog id="${d.id}" call-id="c-${d.id}"${d.direction ? ` direction="${d.direction}"` : ''}>` +
        `<state>${d.state}</state><remote><identity>sip:1001@127.0.0.1</identity><target uri="sip:1001@127.0.0.1"/></remote></dialog>`,
    )
    .join('\n  ');
  return `<?xml version="1.0"?>\n<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="${state}" entity="sip:1002@127.0.0.1">\n  ${body}\n</dialog-info>`;
}

const active = (expiresSeconds = 600) => ({ subscriptionState: 'active' as const, expiresSeconds });
const T0 = 1_000_000;

function run(steps: Array<{ body?: string; expires?: number }>, start: LampRecord = unknownLamp(T0)): LampRecord {
  return steps.reduce((lamp, s, i) => applyNotify(lamp, { ...active(s.expires), ...(s.body !== undefined ? { body: s.body } : {}) }, T0 + i), start);
}

describe('dialog-info parsing (RFC 4235)', () => {
  it('reads version, state, entity and every dialog with its state, direction and call-id', () => {
    const parsed = parseDialogInfo(doc(3, [{ id: 'padi-1', state: 'Trying', direction: 'initiator' }, { id: 'padi-2', state: 'confirmed', direction: 'recipient' }]));
    expect(parsed).toEqual({
      ok: true,
      document: {
        version: 3,
        state: 'full',
        entity: 'sip:1002@127.0.0.1',
        dialogs: [
          { id: 'padi-1', callId: 'c-padi-1', direction: 'initiator', state: 'trying' },
          { id: 'padi-2', callId: 'c-padi-2', direction: 'recipient', state: 'confirmed' },
        ],
      },
    });
  });

  it('accepts a namespace prefix, comments and entities', () => {
    const xml = `<d:dialog-info xmlns:d="urn:ietf:params:xml:ns:dialog-info" version="0" state="partial" entity="sip:a&amp;b@x"><!-- c --><d:dialog id="x"><d:state>early</d:state></d:dialog></d:dialog-info>`;
    const parsed = parseDialogInfo(xml);
    expect(parsed.ok && parsed.document).toMatchObject({ version: 0, state: 'partial', entity: 'sip:a&b@x', dialogs: [{ id: 'x', state: 'early' }] });
  });

  it.each([
    ['not XML', 'busy'],
    ['unclosed element', '<dialog-info version="1" state="full"><dialog id="a"><state>confirmed</state></dialog>'],
    ['mismatched end tag', '<dialog-info version="1" state="full"><dialog id="a"><state>confirmed</dialog></state></dialog-info>'],
    ['another document', '<presence version="1" state="full"/>'],
    ['no version', '<dialog-info state="full"/>'],
    ['bad document state', '<dialog-info version="1" state="most"/>'],
    ['dialog without id', '<dialog-info version="1" state="full"><dialog><state>confirmed</state></dialog></dialog-info>'],
    ['unknown dialog state', '<dialog-info version="1" state="full"><dialog id="a"><state>talking</state></dialog></dialog-info>'],
    ['bare ampersand', '<dialog-info version="1" state="full" entity="a&b"/>'],
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY e "x">]><dialog-info version="1" state="full"/>'],
  ])('refuses %s', (_, xml) => {
    expect(parseDialogInfo(xml).ok).toBe(false);
  });
});

describe('lamp state rules', () => {
  it('is unknown before any NOTIFY and while nothing is published (an empty NOTIFY), idle when a document has no live dialog', () => {
    expect(unknownLamp(T0).state).toBe('unknown');
    expect(run([{}]).state).toBe('unknown');
    expect(run([{ body: '' }]).state).toBe('unknown');
    expect(run([{ body: doc(0, []) }]).state).toBe('idle');
    expect(run([{ body: doc(0, [{ id: 'dummy', state: 'terminated' }]) }]).state).toBe('idle');
  });

  it('a call to the extension: early → ringing, confirmed → busy, terminated → idle', () => {
    const ringing = run([{ body: doc(0, []) }, { body: doc(1, [{ id: 'a', state: 'early', direction: 'recipient' }]) }]);
    expect(ringing.state).toBe('ringing');
    const busy = run([{ body: doc(2, [{ id: 'a', state: 'confirmed', direction: 'recipient' }]) }], ringing);
    expect(busy.state).toBe('busy');
    const idle = run([{ body: doc(3, [{ id: 'a', state: 'terminated', direction: 'recipient' }]) }], busy);
    expect(idle.state).toBe('idle');
    expect(idle.dialogs).toEqual({});
  });

  it('a call from the extension is busy from its first "Trying" (any case)', () => {
    expect(run([{ body: doc(1, [{ id: 'a', state: 'Trying', direction: 'initiator' }]) }]).state).toBe('busy');
    expect(run([{ body: doc(1, [{ id: 'a', state: 'EARLY', direction: 'initiator' }]) }]).state).toBe('busy');
  });

  it('a second call ringing beside a confirmed one stays busy; old terminated entries are ignored', () => {
    expect(lampOfDialogs([{ id: 'a', state: 'confirmed' }, { id: 'b', state: 'early', direction: 'recipient' }])).toBe('busy');
    const lamp = run([{ body: doc(5, [{ id: 'old1', state: 'terminated' }, { id: 'old2', state: 'terminated' }, { id: 'b', state: 'early', direction: 'recipient' }]) }]);
    expect(lamp.state).toBe('ringing');
  });

  it('a full document replaces what was known; a partial one updates only the dialogs it names', () => {
    const two = run([{ body: doc(1, [{ id: 'a', state: 'confirmed', direction: 'recipient' }, { id: 'b', state: 'early', direction: 'recipient' }]) }]);
    const full = run([{ body: doc(2, [{ id: 'b', state: 'early', direction: 'recipient' }]) }], two);
    expect(full.state).toBe('ringing');
    expect(Object.keys(full.dialogs)).toEqual(['b']);
    const partial = run([{ body: doc(3, [{ id: 'c', state: 'confirmed', direction: 'initiator' }], 'partial') }], full);
    expect(partial.state).toBe('busy');
    expect(Object.keys(partial.dialogs).sort()).toEqual(['b', 'c']);
    const ended = run([{ body: doc(4, [{ id: 'c', state: 'terminated' }], 'partial') }], partial);
    expect(ended.state).toBe('ringing');
  });

  it('a partial document with a version gap makes the lamp unknown until the next full document', () => {
    const busy = run([{ body: doc(1, [{ id: 'a', state: 'confirmed' }]) }]);
    const gap = run([{ body: doc(3, [{ id: 'b', state: 'early', direction: 'recipient' }], 'partial') }], busy);
    expect(gap.state).toBe('unknown');
    expect(gap.needsFull).toBe(true);
    // another partial does not help; a full one does
    expect(run([{ body: doc(4, [{ id: 'b', state: 'confirmed' }], 'partial') }], gap).state).toBe('unknown');
    expect(run([{ body: doc(4, [{ id: 'b', state: 'confirmed' }]) }], gap).state).toBe('busy');
  });

  it('a repeated or older version changes nothing but the lifetime', () => {
    const busy = run([{ body: doc(7, [{ id: 'a', state: 'confirmed' }]), expires: 60 }]);
    const repeat = applyNotify(busy, { body: doc(6, []), ...active(600) }, T0 + 5000);
    expect(repeat.state).toBe('busy');
    expect(repeat.expiresAt).toBe(T0 + 5000 + 600_000);
    // an empty refresh NOTIFY keeps a busy lamp busy (a call longer than the subscription's lifetime)
    expect(applyNotify(busy, active(600), T0 + 9000).state).toBe('busy');
  });

  it('a document that cannot be read is unknown, never idle', () => {
    const busy = run([{ body: doc(1, [{ id: 'a', state: 'confirmed' }]) }]);
    expect(run([{ body: '<dialog-info version="2" state="full"><dialog' }], busy).state).toBe('unknown');
    expect(run([{ body: 'garbage' }]).state).toBe('unknown');
  });

  it('a terminated or pending subscription is unknown', () => {
    const busy = run([{ body: doc(1, [{ id: 'a', state: 'confirmed' }]) }]);
    expect(applyNotify(busy, { subscriptionState: 'terminated' }, T0).state).toBe('unknown');
    expect(applyNotify(unknownLamp(T0), { subscriptionState: 'pending', expiresSeconds: 60 }, T0).state).toBe('unknown');
  });

  it('runs out to unknown when the lifetime (and the grace for the refresh NOTIFY) passes without a refresh, and a refresh keeps a long call busy', () => {
    const busy = applyNotify(unknownLamp(T0), { body: doc(1, [{ id: 'a', state: 'confirmed' }]), ...active(10) }, T0);
    expect(expireLamp(busy, T0 + 10_000)).toBe(busy);
    expect(expireLamp(busy, T0 + 10_000 + LAMP_EXPIRY_GRACE_MS - 1)).toBe(busy);
    expect(expireLamp(busy, T0 + 10_000 + LAMP_EXPIRY_GRACE_MS).state).toBe('unknown');
    // 40 minutes of 10-second subscriptions, each refreshed at 90 %: busy throughout
    let lamp = busy;
    for (let t = T0 + 9_000; t < T0 + 40 * 60_000; t += 9_000) {
      lamp = applyNotify(expireLamp(lamp, t), { body: doc(1, [{ id: 'a', state: 'confirmed' }]), ...active(10) }, t);
      expect(lamp.state).toBe('busy');
    }
  });

  it('reads Subscription-State', () => {
    expect(parseSubscriptionState('active;expires=597')).toEqual({ subscriptionState: 'active', expiresSeconds: 597 });
    expect(parseSubscriptionState('pending')).toEqual({ subscriptionState: 'pending' });
    expect(parseSubscriptionState('terminated;reason=timeout')).toEqual({ subscriptionState: 'terminated' });
    expect(parseSubscriptionState(undefined)).toEqual({ subscriptionState: 'terminated' });
  });
});
