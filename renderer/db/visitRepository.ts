// Visits: check-in (walk-in or pre-registered), check-out, the on-site board, the expected list and
// the end-of-day bulk check-out. Every change goes through the visit state machine and appends its
// audit entry in the same transaction; the watchlist is checked inside the check-in transaction against
// exactly what is being saved, so no re-typing or skipped field gets a match past the desk.
import Dexie from 'dexie';
import { visitSchema, type Visit, type Visitor, type WatchlistAlert, HOST_NOTIFICATION_CHANNELS } from '@shared/domain/visitors';
import type { NewRecord } from '@shared/domain/record';
import { checkRegistration, candidateKey, type RegistrationFields, type RegistrationInput } from '@shared/visitors/registration';
import { applyVisitEvent, walkInFields, type VisitEvent } from '@shared/visitors/visitMachine';
import { matchWatchlist, type WatchlistCandidate, type WatchlistMatch } from '@shared/visitors/watchlistMatch';
import { maskIdNumber } from '@shared/visitors/idNumber';
import type { FrontDeskDatabase, TableName } from './FrontDeskDatabase';
import { appendAudit } from './auditLog';
import { newId } from './ids';
import { RecordNotFoundError, RecordRepository, ValidationError } from './recordRepository';
import { patchRecord, visitorFields } from './visitorRepository';
import { watchlistAlertSchema, visitorSchema } from '@shared/domain/visitors';

export type HostNotificationChannel = (typeof HOST_NOTIFICATION_CHANNELS)[number];
export type CheckOutMethod = NonNullable<Visit['checkOutMethod']>;

/** A check-in that matches the watchlist and has no acknowledged "admitted" decision for that match. */
export class WatchlistMatchError extends Error {
  constructor(readonly candidate: WatchlistCandidate, readonly matches: WatchlistMatch[]) {
    super(`Watchlist match (${matches.map((m) => m.matchedOn).join(', ')}) needs an acknowledged decision`);
    this.name = 'WatchlistMatchError';
  }
}

export interface RegistrationRequest {
  registration: RegistrationInput;
  /** A returning visitor picked from the suggestions; their record is updated with what was typed. */
  visitorId?: string | undefined;
  /** The desk checked the ID document despite an overridable flag (audited). */
  overrideIdCheck?: boolean;
  /** Acknowledged alerts with the decision "admitted" for this very candidate. */
  acknowledgedAlertIds?: readonly string[];
}

export interface CheckInResult {
  visit: Visit;
  visitor: Visitor;
}

const TABLES: TableName[] = ['visits', 'visitors', 'watchlist', 'watchlistAlerts', 'staff', 'auditLog'];

export class VisitRepository extends RecordRepository<'visits'> {
  protected override readonly relatedTables: TableName[] = ['visitors', 'watchlist', 'watchlistAlerts', 'staff'];

  constructor(db: FrontDeskDatabase) {
    super(db, 'visits', visitSchema);
  }

  protected override describe(record: Visit): string {
    return `visit ${record.id}`;
  }

  private tx<R>(work: () => Promise<R>): Promise<R> {
    return this.db.transaction('rw', TABLES, work);
  }

  /** Walk-in: registers (or updates) the visitor and creates the visit on site, in one transaction. */
  checkIn(request: RegistrationRequest): Promise<CheckInResult> {
    return this.register(request, 'onSite');
  }

  /** Pre-registration: the visit is expected at `registration.expectedAt`; the visitor record is kept up to date. */
  preRegister(request: RegistrationRequest): Promise<CheckInResult> {
    return this.register(request, 'expected');
  }

  private async register(request: RegistrationRequest, status: 'onSite' | 'expected'): Promise<CheckInResult> {
    const checked = checkRegistration(request.registration, { overrideIdCheck: request.overrideIdCheck, requireHost: status === 'onSite' });
    if (!checked.ok || !checked.value) throw new ValidationError(checked.errors as Record<string, string>);
    const fields = checked.value;
    if (status === 'expected' && fields.expectedAt === undefined) throw new ValidationError({ expectedAt: 'expectedAt' });
    return this.tx(async () => {
      await this.assertHost(fields.hostStaffId);
      const alerts = status === 'onSite' ? await this.assertWatchlistCleared(fields, request.acknowledgedAlertIds ?? []) : [];
      const now = Date.now();
      const visitor = await this.saveVisitor(request.visitorId, fields, status === 'onSite' ? now : undefined, checked.warnings.idNumber === 'idOverridden');
      const visit = this.validate({
        id: newId(now), createdAt: now, updatedAt: now, deskId: this.db.desk.deskId,
        visitorId: visitor.id,
        hostStaffId: fields.hostStaffId,
        purpose: fields.purpose,
        partySize: fields.partySize,
        vehiclePlate: fields.vehiclePlate,
        expectedDurationMin: fields.expectedDurationMin,
        notes: fields.notes,
        ...(status === 'onSite' ? walkInFields(now, fields.expectedDurationMin) : { status: 'expected' as const, expectedAt: fields.expectedAt }),
      } satisfies NewRecord<Visit> & Pick<Visit, 'id' | 'createdAt' | 'updatedAt' | 'deskId'>);
      await this.db.visits.add(visit);
      await appendAudit(this.db, {
        action: status === 'onSite' ? 'checkIn' : 'create', entityTable: 'visits', entityId: visit.id, at: now,
        summary: status === 'onSite' ? `checked in ${visitor.name}${alerts.length ? ` after watchlist alert(s) ${alerts.map((a) => a.id).join(', ')} (admitted)` : ''}` : `pre-registered ${visitor.name} for ${new Date(fields.expectedAt!).toISOString()}`,
      });
      await this.linkAlerts(alerts, visit.id, visitor.id);
      return { visit, visitor };
    });
  }

  /** One action from the expected list: the pre-registered visitor arrives. */
  async checkInExpected(visitId: string, options: { acknowledgedAlertIds?: readonly string[] } = {}): Promise<CheckInResult> {
    return this.tx(async () => {
      const visit = await this.live(visitId);
      const visitor = await this.db.visitors.get(visit.visitorId);
      if (!visitor) throw new RecordNotFoundError('visitors', visit.visitorId);
      const alerts = await this.assertWatchlistCleared(visitor, options.acknowledgedAlertIds ?? []);
      const now = Date.now();
      const updated = await this.applyEvent(visit, { type: 'checkIn', at: now }, 'checkIn', `checked in pre-registered ${visitor.name}`);
      const savedVisitor = await patchRecord(this.db, this.db.visitors, visitorSchema, visitor, { lastVisitAt: now }, 'update', `visitor ${visitor.name} arrived`);
      await this.linkAlerts(alerts, visit.id, visitor.id);
      return { visit: updated, visitor: savedVisitor };
    });
  }

  async checkOut(visitId: string, method: CheckOutMethod): Promise<Visit> {
    return this.tx(async () => {
      const visit = await this.live(visitId);
      return this.applyEvent(visit, { type: 'checkOut', at: Date.now(), by: this.db.desk.actorId, method }, 'checkOut', `checked out (${method})`);
    });
  }

  /**
   * End of day: everybody still on site is checked out by the desk, in one transaction, each visit with
   * its own audit entry saying so. Visits that left meanwhile are skipped, not failed.
   */
  async bulkCheckOut(visitIds: readonly string[]): Promise<Visit[]> {
    return this.tx(async () => {
      const now = Date.now();
      const done: Visit[] = [];
      for (const id of visitIds) {
        const visit = await this.db.visits.get(id);
        if (!visit || visit.deletedAt !== undefined || visit.status !== 'onSite') continue;
        done.push(await this.applyEvent(visit, { type: 'checkOut', at: now, by: this.db.desk.actorId, method: 'bulkEndOfDay' }, 'checkOut', 'checked out by the desk at the end of the day (never checked out)'));
      }
      return done;
    });
  }

  async cancel(visitId: string): Promise<Visit> {
    return this.tx(async () => this.applyEvent(await this.live(visitId), { type: 'cancel', at: Date.now() }, 'update', 'cancelled the expected visit'));
  }

  async markNoShow(visitId: string): Promise<Visit> {
    return this.tx(async () => this.applyEvent(await this.live(visitId), { type: 'markNoShow', at: Date.now() }, 'update', 'marked the expected visitor as no-show'));
  }

  /** The desk told the host (by phone, or in person / otherwise): recorded on the visit and audited. */
  async markHostNotified(visitId: string, via: HostNotificationChannel): Promise<Visit> {
    return this.tx(async () => {
      const visit = await this.live(visitId);
      return patchRecord(this.db, this.db.visits, visitSchema, visit, { hostNotifiedAt: Date.now(), hostNotifiedVia: via }, 'update', `host notified (${via})`);
    });
  }

  /** Everybody on site now, by arrival (the [status+arrivedAt] index: a few hundred rows among millions). */
  async onSite(): Promise<Visit[]> {
    // No Dexie filter(): it would walk a cursor row by row; toArray() on a plain range is one getAll().
    const rows = await this.db.visits.where('[status+arrivedAt]').between(['onSite', Dexie.minKey], ['onSite', Dexie.maxKey]).toArray();
    return rows.filter((v) => v.deletedAt === undefined);
  }

  /** Visits still expected between two instants (the day on the expected list), by expected time. */
  async expectedBetween(from: number, to: number): Promise<Visit[]> {
    const rows = await this.db.visits.where('[status+expectedAt]').between(['expected', from], ['expected', to], true, false).toArray();
    return rows.filter((v) => v.deletedAt === undefined);
  }

  private async live(visitId: string): Promise<Visit> {
    const visit = await this.db.visits.get(visitId);
    if (!visit || visit.deletedAt !== undefined) throw new RecordNotFoundError('visits', visitId);
    return visit;
  }

  private applyEvent(visit: Visit, event: VisitEvent, action: 'checkIn' | 'checkOut' | 'update', summary: string): Promise<Visit> {
    return patchRecord(this.db, this.db.visits, visitSchema, visit, applyVisitEvent(visit, event), action, summary);
  }

  private async assertHost(hostStaffId: string | undefined): Promise<void> {
    if (!hostStaffId) return;
    const host = await this.db.staff.get(hostStaffId);
    if (!host || host.deletedAt !== undefined) throw new ValidationError({ hostStaffId: 'hostRequired' });
  }

  /**
   * Runs the watchlist against the candidate being saved. Every match needs an acknowledged alert with
   * the decision "admitted", raised for this same name and ID number; otherwise the check-in is refused.
   */
  private async assertWatchlistCleared(candidate: WatchlistCandidate, acknowledgedAlertIds: readonly string[]): Promise<WatchlistAlert[]> {
    const entries = await this.db.watchlist.where('active').equals(1).toArray();
    const matches = matchWatchlist(candidate, entries);
    if (matches.length === 0) return [];
    const alerts = (await this.db.watchlistAlerts.bulkGet([...acknowledgedAlertIds])).filter((a): a is WatchlistAlert => a !== undefined);
    const key = candidateKey(candidate);
    const used: WatchlistAlert[] = [];
    const uncleared = matches.filter((match) => {
      const alert = alerts.find((a) => a.watchlistId === match.entryId && a.status === 'acknowledged' && a.decision === 'admitted' && candidateKey({ name: a.candidateName, idNumber: a.candidateIdNumber }) === key);
      if (alert) used.push(alert);
      return !alert;
    });
    if (uncleared.length > 0) throw new WatchlistMatchError(candidate, uncleared);
    return used;
  }

  private async linkAlerts(alerts: readonly WatchlistAlert[], visitId: string, visitorId: string): Promise<void> {
    for (const alert of alerts) {
      await patchRecord(this.db, this.db.watchlistAlerts, watchlistAlertSchema, alert, { visitId, visitorId }, 'update', `watchlist alert linked to visit ${visitId}`);
    }
  }

  private async saveVisitor(visitorId: string | undefined, fields: RegistrationFields, arrivedAt: number | undefined, idOverridden: boolean): Promise<Visitor> {
    const now = Date.now();
    const override = idOverridden ? `; ID number ${maskIdNumber(fields.idNumber)} saved despite a failed check (desk confirmed the document)` : '';
    const existing = visitorId ? await this.db.visitors.get(visitorId) : undefined;
    if (visitorId && (!existing || existing.deletedAt !== undefined)) throw new RecordNotFoundError('visitors', visitorId);
    const input = { name: fields.name, company: fields.company, phone: fields.phone, idType: fields.idType, idNumber: fields.idNumber };
    if (existing) {
      // What the desk typed now is the truth; an ID number left empty keeps the stored one.
      const derived = visitorFields({ ...input, idType: input.idType ?? existing.idType, idNumber: input.idNumber ?? existing.idNumber, lastVisitAt: arrivedAt ?? existing.lastVisitAt });
      return patchRecord(this.db, this.db.visitors, visitorSchema, existing, { ...derived, updatedAt: now }, 'update', `returning visitor ${existing.name}${override}`);
    }
    const visitor = visitorSchema.parse({ ...visitorFields({ ...input, lastVisitAt: arrivedAt }), id: newId(now), createdAt: now, updatedAt: now, deskId: this.db.desk.deskId });
    const clean = Object.fromEntries(Object.entries(visitor).filter(([, v]) => v !== undefined)) as Visitor;
    await this.db.visitors.add(clean);
    await appendAudit(this.db, { action: 'create', entityTable: 'visitors', entityId: clean.id, at: now, summary: `created visitor ${clean.name}${override}` });
    return clean;
  }
}
