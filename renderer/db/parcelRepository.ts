// Mail and parcels (docs/REQUIREMENTS.md §2). Every change to a parcel goes through the state machine of
// shared/parcels/parcelMachine.ts and writes its parcelEvents row (the chain of custody) in the SAME
// write-path transaction as the parcel change, so the timeline and the item can never disagree.
// Reads use the v1 indexes: trackingKey (duplicates, history of a number's shape), [status+receivedAt]
// (the waiting list, the outgoing log), [recipientStaffId+receivedAt] (a recipient's items), receivedAt
// (today's intake), [parcelId+at] (the timeline). Nothing here walks the whole table.
import Dexie from 'dexie';
import type { NewRecord } from '@shared/domain/record';
import type { NotifyChannel, Parcel, ParcelEvent, ParcelType } from '@shared/domain/parcels';
import { WAITING_STATUSES } from '@shared/domain/plain/parcels';
import type { Staff } from '@shared/domain/directory';
import { trackingKey, trackingShape } from '@shared/parcels/trackingKey';
import { parcelIdFromCode } from '@shared/parcels/parcelCode';
import { applyParcelAction, compareWaiting, describeChanges, isOverdue, isWaiting, parcelSearchKeys, type CorrectableField, type ParcelAction } from '@shared/parcels/parcelMachine';
import type { FrontDeskDatabase, TableName } from './FrontDeskDatabase';
import { newId } from './ids';
import { RecordNotFoundError, RecordRepository, ValidationError } from './recordRepository';

export interface ParcelIntake {
  trackingNumber?: string | undefined;
  carrier?: string | undefined;
  recipientStaffId?: string | undefined;
  /** A recipient not in the directory (a visitor, a contractor): the name only. */
  recipientName?: string | undefined;
  type: ParcelType;
  urgent: boolean;
  shelf?: string | undefined;
  pieces?: number | undefined;
  notes?: string | undefined;
  /** The desk saw the open item with this tracking number and takes this one in anyway. */
  acceptDuplicate?: boolean;
  /** A photo of the label (image data URL), kept on the 'received' event. */
  photo?: string | undefined;
}

export type IntakeOutcome = { kind: 'received'; parcel: Parcel } | { kind: 'duplicate'; existing: Parcel };

export interface OutgoingInput {
  trackingNumber?: string | undefined;
  carrier?: string | undefined;
  type: ParcelType;
  sender: string;
  destination: string;
  costCentre?: string | undefined;
  recipientName?: string | undefined;
  notes?: string | undefined;
}

export interface HandOverRequest {
  parcelIds: readonly string[];
  /** Who signed: the recipient's name, or the delegate's. */
  collectedBy: string;
  delegate: boolean;
  signature?: string | undefined;
  notes?: string | undefined;
}

export interface NotifyRequest {
  parcelIds: readonly string[];
  recipientStaffId?: string | undefined;
  channels: readonly NotifyChannel[];
  failures?: readonly string[];
  /** A reminder for an item already told (aging), recorded as 'reminded'. */
  reminder?: boolean;
}

export interface ParcelFigures {
  receivedToday: number;
  waiting: number;
  urgentWaiting: number;
  overdue: number;
}

const TABLES: TableName[] = ['parcels', 'parcelEvents', 'staff'];
const trimmed = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);

export class ParcelRepository extends RecordRepository<'parcels'> {
  protected override readonly relatedTables: TableName[] = ['parcelEvents', 'staff'];

  constructor(db: FrontDeskDatabase) {
    super(db, 'parcels');
  }

  protected override describe(record: Parcel): string {
    return `${record.type} ${record.trackingNumber ?? record.id}${record.recipientName ? ` for ${record.recipientName}` : ''}`;
  }

  private tx<R>(work: () => Promise<R>): Promise<R> {
    return this.writes.transaction(TABLES, work);
  }

  /** Intake of one item (a scan): the parcel and its 'received' event, or the open item already holding the number. */
  intake(input: ParcelIntake): Promise<IntakeOutcome> {
    return this.tx(async () => {
      const now = Date.now();
      const number = trimmed(input.trackingNumber);
      const key = number ? trackingKey(number) : undefined;
      if (key && !input.acceptDuplicate) {
        const existing = await this.openByTrackingKey(key);
        if (existing[0]) return { kind: 'duplicate', existing: existing[0] };
      }
      const recipient = await this.recipient(input.recipientStaffId);
      const shelf = trimmed(input.shelf);
      const fields: NewRecord<Parcel> = {
        trackingNumber: number,
        trackingKey: key,
        carrier: trimmed(input.carrier),
        recipientStaffId: recipient?.id,
        recipientName: recipient?.name ?? trimmed(input.recipientName),
        type: input.type,
        urgent: input.urgent ? 1 : 0,
        status: 'received',
        receivedAt: now,
        receivedBy: this.db.desk.actorId,
        shelf,
        pieces: input.pieces,
        notes: trimmed(input.notes),
        searchKeys: parcelSearchKeys({ trackingKey: key, shelf }, recipient?.searchKeys ?? []),
      };
      const parcel = await this.writes.create('parcels', fields, (p) => ({ action: 'create', summary: `received ${this.describe(p)}${p.urgent ? ' (urgent)' : ''}` }), { at: now });
      await this.event(parcel, { kind: 'received', at: now, shelf, photo: input.photo, notes: input.acceptDuplicate ? 'taken in although an open item has this tracking number' : undefined });
      return { kind: 'received', parcel };
    });
  }

  /** Undo of an intake just made (bulk intake's "undo last"): only while nothing else happened to it. */
  undoIntake(parcelId: string): Promise<Parcel> {
    return this.tx(async () => {
      const parcel = await this.live(parcelId);
      const events = await this.events(parcelId);
      if (parcel.status !== 'received' || events.some((e) => e.kind !== 'received')) throw new ValidationError({ parcel: 'notUndoable' });
      const now = Date.now();
      await this.event(parcel, { kind: 'corrected', at: now, notes: 'intake undone', changes: ['deleted: intake undone'] });
      return this.writes.softDelete('parcels', parcel, { action: 'delete', summary: `intake undone: ${this.describe(parcel)}` }, { at: now });
    });
  }

  /** Outgoing mail: one row of the log (status 'sent') with its event. */
  logOutgoing(input: OutgoingInput): Promise<Parcel> {
    return this.tx(async () => {
      const now = Date.now();
      const sender = trimmed(input.sender);
      const destination = trimmed(input.destination);
      if (!sender || !destination) throw new ValidationError({ ...(sender ? {} : { sender: 'required' }), ...(destination ? {} : { destination: 'required' }) });
      const number = trimmed(input.trackingNumber);
      const key = number ? trackingKey(number) : undefined;
      const parcel = await this.writes.create('parcels', {
        trackingNumber: number, trackingKey: key, carrier: trimmed(input.carrier), type: input.type, urgent: 0, status: 'sent',
        receivedAt: now, receivedBy: this.db.desk.actorId, sender, destination, costCentre: trimmed(input.costCentre),
        recipientName: trimmed(input.recipientName), notes: trimmed(input.notes),
        searchKeys: parcelSearchKeys({ trackingKey: key }, [sender.toLowerCase(), destination.toLowerCase()]),
      }, (p) => ({ action: 'create', summary: `outgoing ${this.describe(p)} to ${destination}` }), { at: now });
      await this.event(parcel, { kind: 'handedOver', at: now, handedTo: trimmed(input.carrier) ?? 'carrier', notes: `sent to ${destination}` });
      return parcel;
    });
  }

  moveShelf(parcelId: string, shelf: string | undefined): Promise<Parcel> {
    return this.tx(async () => {
      const parcel = await this.live(parcelId);
      const to = trimmed(shelf);
      const at = Date.now();
      const updated = await this.apply(parcel, { kind: 'moved', at, shelf: to }, `moved from ${parcel.shelf ?? '—'} to ${to ?? '—'}`, {
        searchKeys: parcelSearchKeys({ trackingKey: parcel.trackingKey, shelf: to }, parcel.searchKeys.filter((k) => k !== parcel.shelf?.toLowerCase())),
      });
      await this.event(parcel, { kind: 'moved', at, shelf: to, fromShelf: parcel.shelf });
      return updated;
    });
  }

  /** Records that the recipient was told (one notification for several items): a 'notified' (or 'reminded') event per item. */
  recordNotification(request: NotifyRequest): Promise<Parcel[]> {
    return this.tx(async () => {
      const at = Date.now();
      const batchId = newId(at);
      const kind = request.reminder ? 'reminded' : 'notified';
      const done: Parcel[] = [];
      for (const id of request.parcelIds) {
        const parcel = await this.live(id);
        if (!isWaiting(parcel.status)) continue;
        const channels = [...request.channels];
        done.push(await this.apply(parcel, { kind, at }, `${kind} ${parcel.recipientName ?? ''} via ${channels.join(', ') || 'nothing'}`.trim()));
        await this.event(parcel, {
          kind, at, batchId, channels, recipientStaffId: request.recipientStaffId ?? parcel.recipientStaffId,
          failures: request.failures && request.failures.length > 0 ? [...request.failures] : undefined,
        });
      }
      return done;
    });
  }

  /** Several items handed over at once, to the recipient or a named delegate, with one signature. */
  handOver(request: HandOverRequest): Promise<Parcel[]> {
    const collectedBy = trimmed(request.collectedBy);
    if (!collectedBy) return Promise.reject(new ValidationError({ collectedBy: 'required' }));
    if (request.parcelIds.length === 0) return Promise.reject(new ValidationError({ parcelIds: 'required' }));
    return this.tx(async () => {
      const at = Date.now();
      const batchId = newId(at);
      const done: Parcel[] = [];
      for (const id of request.parcelIds) {
        const parcel = await this.live(id);
        done.push(await this.apply(parcel, { kind: 'handedOver', at, collectedBy, delegateName: request.delegate ? collectedBy : undefined },
          `handed over to ${collectedBy}${request.delegate ? ` (delegate for ${parcel.recipientName ?? 'the recipient'})` : ''}${request.signature ? ', signed' : ''}`));
        await this.event(parcel, { kind: 'handedOver', at, batchId, handedTo: collectedBy, delegate: request.delegate ? 1 : 0, signature: request.signature, notes: trimmed(request.notes) });
      }
      return done;
    });
  }

  /** Returned to sender or refused by the recipient, with the reason. */
  close(parcelId: string, kind: 'returned' | 'refused', reason: string): Promise<Parcel> {
    return this.tx(async () => {
      const parcel = await this.live(parcelId);
      const at = Date.now();
      if (!reason.trim()) throw new ValidationError({ reason: 'required' });
      const updated = await this.apply(parcel, { kind, at, reason }, `${kind}: ${reason.trim()}`);
      await this.event(parcel, { kind, at, reason: reason.trim() });
      return updated;
    });
  }

  /**
   * A correction of what was entered (a wrong recipient, carrier or number): the fields changed and a
   * 'corrected' event naming each change and the reason, with the audit entry, in one transaction.
   */
  correct(parcelId: string, changes: Partial<Pick<Parcel, CorrectableField>>, reason: string): Promise<Parcel> {
    const why = trimmed(reason);
    if (!why) return Promise.reject(new ValidationError({ reason: 'required' }));
    return this.tx(async () => {
      const parcel = await this.live(parcelId);
      const at = Date.now();
      const next: Partial<Parcel> = { ...changes };
      if ('trackingNumber' in changes) {
        next.trackingNumber = trimmed(changes.trackingNumber);
        next.trackingKey = next.trackingNumber ? trackingKey(next.trackingNumber) : undefined;
      }
      if ('recipientStaffId' in changes || 'trackingNumber' in changes) {
        const recipient = await this.recipient('recipientStaffId' in changes ? changes.recipientStaffId : parcel.recipientStaffId);
        if ('recipientStaffId' in changes) next.recipientName = recipient?.name ?? trimmed(changes.recipientName);
        const key = 'trackingKey' in next ? next.trackingKey : parcel.trackingKey;
        next.searchKeys = parcelSearchKeys({ trackingKey: key, shelf: parcel.shelf }, recipient?.searchKeys ?? []);
      }
      const lines = describeChanges(parcel, next).filter((l) => !l.startsWith('searchKeys') && !l.startsWith('trackingKey'));
      if (lines.length === 0) return parcel;
      const updated = await this.apply(parcel, { kind: 'corrected', at, changes: next }, `corrected: ${lines.join('; ')} (reason: ${why})`, next);
      await this.event(parcel, { kind: 'corrected', at, changes: lines, reason: why });
      return updated;
    });
  }

  /** A shelf label was printed (audited; the item itself does not change). */
  async recordLabelPrint(parcelId: string, size: string): Promise<void> {
    await this.writes.audit({ action: 'update', summary: `shelf label printed (${size})`, entityTable: 'parcels', entityId: parcelId });
  }

  // --- reads -----------------------------------------------------------------------------------------------

  /** Open (waiting) items with this tracking key. */
  async openByTrackingKey(key: string): Promise<Parcel[]> {
    const rows = await this.db.parcels.where('trackingKey').equals(key).toArray();
    return rows.filter((p) => p.deletedAt === undefined && isWaiting(p.status));
  }

  /** What a scan at hand-over finds: the item of a shelf label, or the open items with the tracking number. */
  async findByScan(scanned: string): Promise<Parcel[]> {
    const id = parcelIdFromCode(scanned);
    if (id) {
      const parcel = await this.get(id);
      return parcel ? [parcel] : [];
    }
    const key = trackingKey(scanned);
    return key ? this.openByTrackingKey(key) : [];
  }

  /** Every waiting item, urgent first, then the longest waiting ([status+receivedAt], two ranges). */
  async waiting(): Promise<Parcel[]> {
    const ranges = await Promise.all(WAITING_STATUSES.map((status) =>
      this.db.parcels.where('[status+receivedAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).toArray()));
    return ranges.flat().filter((p) => p.deletedAt === undefined).sort(compareWaiting);
  }

  /** A recipient's waiting items ([recipientStaffId+receivedAt]). */
  async waitingFor(staffId: string): Promise<Parcel[]> {
    const rows = await this.db.parcels.where('[recipientStaffId+receivedAt]').between([staffId, Dexie.minKey], [staffId, Dexie.maxKey]).toArray();
    return rows.filter((p) => p.deletedAt === undefined && isWaiting(p.status)).sort(compareWaiting);
  }

  /** The outgoing log, newest first, one page. */
  async outgoing(limit = 100): Promise<Parcel[]> {
    const rows = await this.db.parcels.where('[status+receivedAt]').between(['sent', Dexie.minKey], ['sent', Dexie.maxKey]).reverse().limit(limit).toArray();
    return rows.filter((p) => p.deletedAt === undefined);
  }

  /** The chain of custody of one item, oldest first. */
  async events(parcelId: string): Promise<ParcelEvent[]> {
    return this.db.parcelEvents.where('[parcelId+at]').between([parcelId, Dexie.minKey], [parcelId, Dexie.maxKey]).toArray();
  }

  /**
   * What this site chose for numbers of the same shape (first two characters and length): carrier → count,
   * from at most `sample` stored items (the trackingKey index, one prefix range).
   */
  async carrierHistory(key: string, sample = 500): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    if (key.length < 2) return counts;
    const shape = trackingShape(key);
    await this.db.parcels.where('trackingKey').startsWith(key.slice(0, 2)).limit(sample).each((p) => {
      if (p.deletedAt !== undefined || !p.carrier || p.carrier === 'unknown' || !p.trackingKey || trackingShape(p.trackingKey) !== shape) return;
      counts.set(p.carrier, (counts.get(p.carrier) ?? 0) + 1);
    });
    return counts;
  }

  /** The dashboard's figures: received today (receivedAt range, incoming only), waiting, urgent waiting, overdue. */
  async figures(now: number, dayStart: number, dayEnd: number, agingDays: number): Promise<ParcelFigures> {
    const [today, waiting] = await Promise.all([
      this.db.parcels.where('receivedAt').between(dayStart, dayEnd, true, false).filter((p) => p.deletedAt === undefined && p.status !== 'sent').count(),
      this.waiting(),
    ]);
    return {
      receivedToday: today,
      waiting: waiting.length,
      urgentWaiting: waiting.filter((p) => p.urgent === 1).length,
      overdue: waiting.filter((p) => isOverdue(p, now, agingDays)).length,
    };
  }

  // --- internals -------------------------------------------------------------------------------------------

  private async recipient(staffId: string | undefined): Promise<Staff | undefined> {
    if (!staffId) return undefined;
    const person = await this.db.staff.get(staffId);
    if (!person || person.deletedAt !== undefined) throw new RecordNotFoundError('staff', staffId);
    return person;
  }

  private apply(parcel: Parcel, action: ParcelAction, summary: string, extra: Partial<Parcel> = {}): Promise<Parcel> {
    const changes = { ...applyParcelAction(parcel, action), ...extra };
    return this.writes.patch('parcels', parcel, changes, { action: action.kind === 'handedOver' ? 'handOver' : 'update', summary }, { at: action.at });
  }

  private event(parcel: Parcel, fields: Omit<NewRecord<ParcelEvent>, 'parcelId' | 'actorId'>): Promise<ParcelEvent> {
    if (!Dexie.currentTransaction) throw new Error('a parcel event is written in the transaction of its parcel change');
    return this.writes.create('parcelEvents', { ...fields, parcelId: parcel.id, actorId: this.db.desk.actorId }, null, { at: fields.at });
  }
}
