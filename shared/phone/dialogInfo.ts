// Busy lamps (BLF): the RFC 4235 dialog-info documents a PBX sends in NOTIFYs of the "dialog" event
// package, and the rules that turn them into a lamp. Pure: no DOM (shared/ runs in every process), so the
// little XML that matters is read by a strict scanner that refuses anything it cannot account for.
//
// Rules (tests/lab/README.md, "Busy lamps", has the facts measured against Kamailio):
// - a lamp is 'unknown' until a NOTIFY arrives, after a document that cannot be read, and when the
//   subscription failed, ended or its lifetime ran out: never 'idle' without the PBX saying so;
// - a NOTIFY without a body before any document means nothing is published: 'unknown' (a PBX that knows
//   an extension is idle says so with a document without live dialogs: Kamailio's force_dummy_dialog);
// - any confirmed dialog → 'busy'; else any early/trying dialog → 'ringing' when the extension is
//   called (direction recipient), 'busy' when it is calling out (the phone is in use); else 'idle';
// - states are compared case-insensitively (Kamailio writes "Trying"); terminated dialogs are dropped;
// - state="full" replaces what is known; state="partial" updates the dialogs it names and needs the
//   version right after the last one, else the lamp is 'unknown' until a full document comes;
// - a document whose version is not newer than the last one of the same subscription is a repeat.

export type LampState = 'idle' | 'ringing' | 'busy' | 'unknown';
export const LAMP_STATES: readonly LampState[] = ['idle', 'ringing', 'busy', 'unknown'];

export type DialogState = 'trying' | 'proceeding' | 'early' | 'confirmed' | 'terminated';
export type DialogDirection = 'initiator' | 'recipient';

export interface DialogEntry {
  id: string;
  callId?: string;
  direction?: DialogDirection;
  state: DialogState;
}

export interface DialogInfoDocument {
  version: number;
  state: 'full' | 'partial';
  entity: string;
  dialogs: DialogEntry[];
}

export type DialogInfoParse = { ok: true; document: DialogInfoDocument } | { ok: false; error: string };

const DIALOG_STATES: readonly DialogState[] = ['trying', 'proceeding', 'early', 'confirmed', 'terminated'];

interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string | undefined {
  if (/&(?!(?:#x[0-9a-fA-F]+|#\d+|\w+);)/.test(text) || text.includes('<')) return undefined;
  let bad = false;
  const out = text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const named = ENTITIES[ref];
    if (named === undefined) bad = true;
    return named ?? whole;
  });
  return bad ? undefined : out;
}

/** Local name without a namespace prefix. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** A small, strict XML reader: elements, attributes, text; comments, PIs and CDATA. Throws on anything malformed. */
function parseXml(xml: string): Element {
  let i = 0;
  const stack: Element[] = [];
  let root: Element | undefined;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${i}`);
  };
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt < 0 ? xml.length : lt;
    const text = xml.slice(i, textEnd);
    if (text.trim()) {
      const top = stack.at(-1);
      if (!top) fail('text outside the root element');
      const decoded = decode(text);
      if (decoded === undefined) fail('bad character reference');
      top!.text += decoded;
    }
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith('<?', i)) {
      const end = xml.indexOf('?>', i);
      if (end < 0) fail('unterminated processing instruction');
      i = end + 2;
    } else if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i);
      if (end < 0) fail('unterminated comment');
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (end < 0) fail('unterminated CDATA');
      const top = stack.at(-1);
      if (!top) fail('CDATA outside the root element');
      top!.text += xml.slice(i + 9, end);
      i = end + 3;
    } else if (xml.startsWith('<!', i)) {
      fail('DOCTYPE is not accepted');
    } else if (xml.startsWith('</', i)) {
      const end = xml.indexOf('>', i);
      if (end < 0) fail('unterminated end tag');
      const name = xml.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) fail(`unexpected </${name}>`);
      i = end + 1;
    } else {
      const match = /^<([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml.slice(i));
      if (!match) fail('malformed start tag');
      const [whole, name, attrText, selfClosing] = match!;
      if (!NAME.test(name!)) fail(`bad element name ${name}`);
      const attributes: Record<string, string> = {};
      for (const a of attrText!.matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        const value = decode(a[2] ?? a[3] ?? '');
        if (value === undefined) fail('bad attribute value');
        if (a[1]! in attributes) fail(`repeated attribute ${a[1]}`);
        attributes[a[1]!] = value!;
      }
      const element: Element = { name: name!, attributes, children: [], text: '' };
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else if (root) fail('second root element');
      else root = element;
      if (!selfClosing) stack.push(element);
      i += whole!.length;
    }
  }
  if (stack.length > 0) fail(`<${stack.at(-1)!.name}> not closed`);
  if (!root) fail('no root element');
  return root!;
}

/** Reads an RFC 4235 dialog-info document. Anything that is not one is an error, never an empty lamp. */
export function parseDialogInfo(xml: string): DialogInfoParse {
  let root: Element;
  try {
    root = parseXml(xml);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (local(root.name) !== 'dialog-info') return { ok: false, error: `root element is <${root.name}>` };
  const versionText = root.attributes.version ?? '';
  if (!/^\d+$/.test(versionText)) return { ok: false, error: 'version missing or not a number' };
  const docState = root.attributes.state;
  if (docState !== 'full' && docState !== 'partial') return { ok: false, error: 'state is neither full nor partial' };
  const dialogs: DialogEntry[] = [];
  for (const child of root.children) {
    if (local(child.name) !== 'dialog') continue;
    const id = child.attributes.id;
    if (!id) return { ok: false, error: 'dialog without id' };
    const stateElement = child.children.find((c) => local(c.name) === 'state');
    const state = stateElement?.text.trim().toLowerCase() as DialogState | undefined;
    if (!state || !DIALOG_STATES.includes(state)) return { ok: false, error: `dialog ${id}: unknown state` };
    const direction = child.attributes.direction;
    if (direction !== undefined && direction !== 'initiator' && direction !== 'recipient') return { ok: false, error: `dialog ${id}: bad direction` };
    dialogs.push({
      id,
      state,
      ...(child.attributes['call-id'] ? { callId: child.attributes['call-id'] } : {}),
      ...(direction ? { direction } : {}),
    });
  }
  return { ok: true, document: { version: Number(versionText), state: docState, entity: root.attributes.entity ?? '', dialogs } };
}

/** The lamp for the dialogs an extension has (terminated ones already dropped or ignored here). */
export function lampOfDialogs(dialogs: Iterable<DialogEntry>): LampState {
  let ringing = false;
  let inUse = false;
  for (const d of dialogs) {
    if (d.state === 'terminated') continue;
    if (d.state === 'confirmed') return 'busy';
    if (d.direction === 'recipient') ringing = true;
    else inUse = true;
  }
  if (inUse) return 'busy';
  return ringing ? 'ringing' : 'idle';
}

/** What the console knows of one watched extension. */
export interface LampRecord {
  state: LampState;
  /** Dialogs by id, as of the last document of the current subscription. */
  dialogs: Record<string, DialogEntry>;
  /** Version of the last document of the current subscription (undefined: none yet). */
  version?: number;
  /** When the subscription's granted lifetime runs out (epoch ms). */
  expiresAt?: number;
  /** The last NOTIFY could not be used; a full document (a refresh) is needed. */
  needsFull?: boolean;
  updatedAt: number;
}

export function unknownLamp(now: number): LampRecord {
  return { state: 'unknown', dialogs: {}, updatedAt: now };
}

/** A NOTIFY as the lamp rules need it: its body (undefined when empty) and Subscription-State. */
export interface LampNotify {
  body?: string;
  subscriptionState: 'active' | 'pending' | 'terminated';
  /** expires= of Subscription-State (s). */
  expiresSeconds?: number;
}

/** Subscription-State header → state and expires (RFC 6665). */
export function parseSubscriptionState(header: string | undefined): Pick<LampNotify, 'subscriptionState' | 'expiresSeconds'> {
  const [value = '', ...params] = (header ?? '').split(';').map((p) => p.trim());
  const state = value.toLowerCase();
  const expires = params.map((p) => /^expires\s*=\s*(\d+)$/i.exec(p)?.[1]).find((e) => e !== undefined);
  return {
    subscriptionState: state === 'active' || state === 'pending' ? state : 'terminated',
    ...(expires !== undefined ? { expiresSeconds: Number(expires) } : {}),
  };
}

/** The lamp after a NOTIFY of the current subscription. */
export function applyNotify(previous: LampRecord, notify: LampNotify, now: number): LampRecord {
  const expiresAt = notify.expiresSeconds !== undefined ? now + notify.expiresSeconds * 1000 : previous.expiresAt;
  if (notify.subscriptionState === 'terminated') return { state: 'unknown', dialogs: {}, updatedAt: now };
  const base = { ...(expiresAt !== undefined ? { expiresAt } : {}), updatedAt: now };
  if (notify.body === undefined || notify.body.trim() === '') {
    // An empty refresh NOTIFY after documents keeps what the documents said; before any document the PBX
    // has published nothing for this extension (or the watcher is pending): unknown, never idle.
    if (notify.subscriptionState === 'active' && previous.version !== undefined && !previous.needsFull) return { ...previous, ...base };
    return { state: 'unknown', dialogs: {}, ...base };
  }
  const parsed = parseDialogInfo(notify.body);
  if (!parsed.ok) return { state: 'unknown', dialogs: {}, ...base, needsFull: true, ...(previous.version !== undefined ? { version: previous.version } : {}) };
  const doc = parsed.document;
  if (previous.version !== undefined && doc.version <= previous.version && !previous.needsFull) {
    // A repeat (or an older document overtaken by a newer one): only the lifetime is news.
    return { ...previous, ...base };
  }
  let dialogs: Record<string, DialogEntry>;
  if (doc.state === 'full') {
    dialogs = {};
  } else {
    if (previous.version === undefined || previous.needsFull || doc.version !== previous.version + 1) {
      return { state: 'unknown', dialogs: {}, ...base, version: doc.version, needsFull: true };
    }
    dialogs = { ...previous.dialogs };
  }
  for (const d of doc.dialogs) {
    if (d.state === 'terminated') delete dialogs[d.id];
    else dialogs[d.id] = d;
  }
  return { state: lampOfDialogs(Object.values(dialogs)), dialogs, version: doc.version, ...base };
}

/**
 * How long after its lifetime a lamp waits for the refresh's NOTIFY before it says "unknown". The
 * subscriber refreshes at 90 % of the lifetime, but the new NOTIFY crosses the network and a busy PBX:
 * a short lifetime (the PBX may grant a few seconds) would otherwise blink every lamp to unknown
 * between refresh and NOTIFY.
 */
export const LAMP_EXPIRY_GRACE_MS = 3000;

/** The lamp when its subscription's lifetime (plus the grace for the refresh's NOTIFY) ran out. */
export function expireLamp(record: LampRecord, now: number): LampRecord {
  if (record.expiresAt === undefined || record.state === 'unknown') return record;
  if (now < record.expiresAt + LAMP_EXPIRY_GRACE_MS) return record;
  return { state: 'unknown', dialogs: {}, updatedAt: now };
}
