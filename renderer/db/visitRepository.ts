// Visits: check-in (walk-in or pre-registered), check-out, the on-site board, the expected list and
// the end-of-day bulk check-out. Every change goes through the visit state machine and appends its
// audit entry in the same transaction; the watchlist is checked inside the check-in transaction against
// exactly what is being saved, so no re-typing or skipped field gets a match past the desk.
import Dexie from 'dexie';
import type { Visit, Visitor, WatchlistAlert, WatchlistEntry } from '@shared/domain/visitors';
import { HOST_NOTIFICATION_CHANNELS } from '@shared/domain/plain/visitors';
import type { Staff } from '@shared/domain/directory';
import type { NewRecord } from '@shared/domain/record';
import { checkRegistration, type RegistrationFields, type RegistrationInput } from '@shared/visitors/registration';
import { applyVisitEvent, walkInFields, type VisitEvent } from '@shared/visitors/visitMachine';
import type { WatchlistCandidate, WatchlistMatch } from '@shared/visitors/watchlistMatch';
import { watchlistClearance } from '@shared/visitors/watchlistClearance';
import { maskIdNumber } from '@shared/visitors/idNumber';
import type { FrontDeskDatabase, TableName } from './FrontDeskDatabase';
import { RecordNotFoundError, RecordRepository, ValidationError } from './recordRepository';
import { visitorFields } from './visitorRepository';
import { WatchlistAlertRepository } from './watchlistRepository';
import { textKeys } from './textKeys';
import { STAGE_CHUNK_ROWS } from '@shared/imports/staging';

export type HostNotificationChannel = (typeof HOST_NOTIFICATION_CHANNELS)[number];
export type CheckOutMethod = NonNullable<Visit['checkOutMethod']>;


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

/**
 * What a check-in comes to. A watchlist match is an ordinary outcome, not an error: nothing about the
 * visit or visitor is stored, the alerts (one per uncleared match, status open) are, and the desk must
 * decide. Checking in again with the acknowledged, admitting alerts re-runs the watchlist against what
 * is saved then, inside that check-in's own transaction.
 */
export type CheckInOutcome =
  | ({ kind: 'checked-in' } & CheckInResult)
  | { kind: 'needs-clearance'; candidate: WatchlistCandidate; matches: WatchlistMatch[]; alerts: WatchlistAlert[]; entries: Map<string, WatchlistEntry> };

/** A visit with its visitor and host, for the screens that list visits (on site, expected). */
export interface VisitWithPeople {
  visit: Visit;
  visitor: Visitor | undefined;
  host: Staff | undefined;
}

export interface PreRegisterAllOptions {
  signal?: AbortSignal;
  /** Called after each chunk with rows written so far (they become visible after the last one). */
  onProgress?: (done: number, total: number) => void;
  /** Every row is in; they are being made visible (no longer cancellable). */
  onPublishing?: () => void;
}

const TABLES: TableName[] = ['visits', 'visitors', 'watchlist', 'watchlistAlerts', 'staff', 'auditLog'];

export class VisitRepository extends RecordRepository<'visits'> {
  protected override readonly relatedTables: TableName[] = ['visitors', 'watchlist', 'watchlistAlerts', 'staff'];

  constructor(db: FrontDeskDatabase) {
    super(db, 'visits');
  }

  protected override describe(record: Visit): string {
    return `visit ${record.id}`;
  }

  private tx<R>(work: () => Promise<R>): Promise<R> {
    return this.writes.transaction(TABLES, work);
  }

  /** Walk-in: registers (or updates) the visitor and creates the visit on site, in one transaction. */
  checkIn(request: RegistrationRequest): Promise<CheckInOutcome> {
    return this.register(request, 'onSite');
  }

  /** Pre-registration: the visit is expected at `registration.expectedAt`; the visitor record is kept up to date. */
  async preRegister(request: RegistrationRequest): Promise<CheckInResult> {
    const outcome = await this.register(request, 'expected');
    // Pre-registration does not run the watchlist (the arrival does), so it always checks in.
    if (outcome.kind !== 'checked-in') throw new Error('pre-registration never needs watchlist clearance');
    return { visit: outcome.visit, visitor: outcome.visitor };
  }

  /**
   * Many pre-registrations (a CSV import) as a staged import (renderer/db/stagedImport.ts): visitors and
   * visits are written hidden, a chunk per short transaction, and shown together at the end, so the roll
   * call never waits behind the import, and a cancel, a failure or a reload part-way stores none. Every
   * row is checked before anything is written; the hosts are read once for the whole file (not once a
   * row), and the import is audited once, its rows carrying its importId.
   */
  async preRegisterAll(registrations: readonly RegistrationInput[], options: PreRegisterAllOptions = {}): Promise<number> {
    const checked = registrations.map((registration) => {
      const result = checkRegistration(registration, { requireHost: false });
      if (!result.ok || !result.value) throw new ValidationError(result.errors as Record<string, string>);
      if (result.value.expectedAt === undefined) throw new ValidationError({ expectedAt: 'expectedAt' });
      return result.value;
    });
    const total = checked.length;
    const chunkRows = Math.max(1, Math.floor(STAGE_CHUNK_ROWS / 2)); // two rows (visitor, visit) per line
    // Loaded on use: the staging code stays off the first screen (docs/ARCHITECTURE.md, "Loading").
    const { runStagedImport } = await import('./stagedImport');
    return runStagedImport(this.db, 'expected', ['visitors', 'visits'], async (stager) => {
      const hostIds = [...new Set(checked.map((f) => f.hostStaffId).filter((id): id is string => Boolean(id)))];
      const hosts = await this.db.staff.bulkGet(hostIds);
      if (hosts.some((h) => !h || h.deletedAt !== undefined)) throw new ValidationError({ hostStaffId: 'hostRequired' });
      let done = 0;
      for (let start = 0; start < total; start += chunkRows) {
        stager.checkCancelled();
        const slice = checked.slice(start, start + chunkRows);
        await stager.chunk(['visitors', 'visits'], async () => {
          const visitors = await stager.stage('visitors', slice.map((f) => visitorFields({ name: f.name, company: f.company, phone: f.phone, idType: f.idType, idNumber: f.idNumber })));
          await stager.stage('visits', slice.map((f, i): NewRecord<Visit> => ({
            visitorId: visitors[i]!.id,
            hostStaffId: f.hostStaffId,
            purpose: f.purpose,
            partySize: f.partySize,
            vehiclePlate: f.vehiclePlate,
            expectedDurationMin: f.expectedDurationMin,
            notes: f.notes,
            status: 'expected',
            expectedAt: f.expectedAt,
          })));
        });
        done += slice.length;
        options.onProgress?.(done, total);
      }
      return total;
    }, (count, importId) => ({ action: 'import', entityTable: 'visits', summary: `pre-registered ${count} expected visitors (CSV import ${importId})` }), { signal: options.signal, onPublishing: options.onPublishing });
  }

  private async register(request: RegistrationRequest, status: 'onSite' | 'expected'): Promise<CheckInOutcome> {
    const checked = checkRegistration(request.registration, { overrideIdCheck: request.overrideIdCheck, requireHost: status === 'onSite' });
    if (!checked.ok || !checked.value) throw new ValidationError(checked.errors as Record<string, string>);
    const fields = checked.value;
    if (status === 'expected' && fields.expectedAt === undefined) throw new ValidationError({ expectedAt: 'expectedAt' });
    return this.tx(async () => {
      await this.assertHost(fields.hostStaffId);
      const clearance = status === 'onSite' ? await this.clearance(fields, request.acknowledgedAlertIds ?? []) : { kind: 'cleared' as const, alerts: [] };
      if (clearance.kind === 'needs-clearance') return clearance;
      const alerts = clearance.alerts;
      const now = Date.now();
      const visitor = await this.saveVisitor(request.visitorId, fields, status === 'onSite' ? now : undefined, checked.warnings.idNumber === 'idOverridden');
      const visit = await this.writes.create('visits', {
        visitorId: visitor.id,
        hostStaffId: fields.hostStaffId,
        purpose: fields.purpose,
        partySize: fields.partySize,
        vehiclePlate: fields.vehiclePlate,
        expectedDurationMin: fields.expectedDurationMin,
        notes: fields.notes,
        ...(status === 'onSite' ? walkInFields(now, fields.expectedDurationMin) : { status: 'expected' as const, expectedAt: fields.expectedAt }),
      } satisfies NewRecord<Visit>, {
        action: status === 'onSite' ? 'checkIn' : 'create',
        summary: status === 'onSite' ? `checked in ${visitor.name}${alerts.length ? ` after watchlist alert(s) ${alerts.map((a) => a.id).join(', ')} (admitted)` : ''}` : `pre-registered ${visitor.name} for ${new Date(fields.expectedAt!).toISOString()}`,
      }, { at: now });
      await this.linkAlerts(alerts, visit.id, visitor.id);
      return { kind: 'checked-in', visit, visitor };
    });
  }

  /** One action from the expected list: the pre-registered visitor arrives. */
  async checkInExpected(visitId: string, options: { acknowledgedAlertIds?: readonly string[] } = {}): Promise<CheckInOutcome> {
    return this.tx(async () => {
      const visit = await this.live(visitId);
      const visitor = await this.db.visitors.get(visit.visitorId);
      if (!visitor) throw new RecordNotFoundError('visitors', visit.visitorId);
      const clearance = await this.clearance(visitor, options.acknowledgedAlertIds ?? []);
      if (clearance.kind === 'needs-clearance') return clearance;
      const now = Date.now();
      const updated = await this.applyEvent(visit, { type: 'checkIn', at: now }, 'checkIn', `checked in pre-registered ${visitor.name}`);
      const savedVisitor = await this.writes.patch('visitors', visitor, { lastVisitAt: now }, { action: 'update', summary: `visitor ${visitor.name} arrived` });
      await this.linkAlerts(clearance.alerts, visit.id, visitor.id);
      return { kind: 'checked-in', visit: updated, visitor: savedVisitor };
    });
  }

  async checkOut(visitId: string, method: CheckOutMethod): Promise<Visit> {
    return this.tx(async () => {
      const visit = await this.live(visitId);
      return this.applyEvent(visit, { type: 'checkOut', at: Date.now(), by: this.db.desk.actorId, method }, 'checkOut', `checked out (${method})`);
    });
  }

  /** Takes back a check-out made by mistake, within UNDO_CHECK_OUT_MS; audited like the check-out itself. */
  async undoCheckOut(visitId: string): Promise<Visit> {
    return this.tx(async () => {
      const visit = await this.live(visitId);
      return this.applyEvent(visit, { type: 'undoCheckOut', at: Date.now() }, 'update', `undid the check-out (${visit.checkOutMethod ?? 'unknown'}): back on site`);
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
      return this.writes.patch('visits', visit, { hostNotifiedAt: Date.now(), hostNotifiedVia: via }, { action: 'update', summary: `host notified (${via})` });
    });
  }

  /**
   * Reads of visits, visitors, staff and departments as ONE read-only transaction (the roll call): it waits
   * behind at most the one write running now (an import writes in short chunks), not once per read.
   */
  readTogether<R>(work: () => Promise<R>): Promise<R> {
    return this.db.transaction('r', [this.db.visits, this.db.visitors, this.db.staff, this.db.departments], work);
  }

  /** Everybody on site now, by arrival (the [status+arrivedAt] index: a few hundred rows among millions). */
  async onSite(): Promise<Visit[]> {
    // No Dexie filter(): it would walk a cursor row by row; toArray() on a plain range is one getAll().
    const rows = await this.db.visits.where('[status+arrivedAt]').between(['onSite', Dexie.minKey], ['onSite', Dexie.maxKey]).toArray();
    return rows.filter((v) => v.deletedAt === undefined);
  }

  /** Everybody on site with their visitor and host, newest arrival first (the board, check-out, end of day). */
  async onSiteWithPeople(): Promise<VisitWithPeople[]> {
    const rows = await this.withPeople(await this.onSite());
    // Newest arrival first: the person the desk just let in is at the top.
    return rows.sort((a, b) => (b.visit.arrivedAt ?? 0) - (a.visit.arrivedAt ?? 0));
  }

  /** The expected list of a day with visitors and hosts, by expected time. */
  async expectedWithPeople(from: number, to: number): Promise<VisitWithPeople[]> {
    return this.withPeople(await this.expectedBetween(from, to));
  }

  private async withPeople(visits: readonly Visit[]): Promise<VisitWithPeople[]> {
    const visitors = await this.db.visitors.bulkGet([...new Set(visits.map((v) => v.visitorId))]);
    const hostIds = [...new Set(visits.map((v) => v.hostStaffId).filter((id): id is string => Boolean(id)))];
    const hosts = await this.db.staff.bulkGet(hostIds);
    const visitorById = new Map(visitors.filter((v): v is Visitor => v !== undefined).map((v) => [v.id, v]));
    const hostById = new Map(hosts.filter((h): h is Staff => h !== undefined).map((h) => [h.id, h]));
    return visits.map((visit) => ({ visit, visitor: visitorById.get(visit.visitorId), host: visit.hostStaffId ? hostById.get(visit.hostStaffId) : undefined }));
  }

  /** Live visits that arrived between two instants (from inclusive, to exclusive), by the arrivedAt index. */
  async arrivedBetween(from: number, to: number): Promise<Visit[]> {
    const rows = await this.db.visits.where('arrivedAt').between(from, to, true, false).toArray();
    return rows.filter((v) => v.deletedAt === undefined);
  }

  /** Visits still expected between two instants (the day on the expected list), by expected time. */
  async expectedBetween(from: number, to: number): Promise<Visit[]> {
    const rows = await this.db.visits.where('[status+expectedAt]').between(['expected', from], ['expected', to], true, false).toArray();
    return rows.filter((v) => v.deletedAt === undefined);
  }

  /**
   * Counts one printed badge and returns the new count. Read-modify-write in one transaction, so two
   * desks' prints (or a double click) never lose a count; the first print and every reprint are audited.
   */
  async recordBadgePrint(visitId: string): Promise<number> {
    return this.writes.transaction(['visits'], async () => {
      const visit = await this.live(visitId);
      const previous = visit.badgePrintCount ?? 0;
      const count = previous + 1;
      await this.writes.patch('visits', visit, { badgePrintCount: count }, {
        action: 'update',
        summary: previous === 0 ? 'badge printed' : `badge reprinted: copy ${count}, already printed ${previous} times before`,
      });
      return count;
    });
  }

  /** A visit with its visitor and host (what a badge shows). Undefined when the visit is gone. */
  async withVisitorAndHost(visitId: string): Promise<{ visit: Visit; visitor: Visitor | undefined; host: Staff | undefined } | undefined> {
    return this.db.transaction('r', [this.db.visits, this.db.visitors, this.db.staff], async () => {
      const visit = await this.get(visitId);
      if (!visit) return undefined;
      const [visitor, host] = await Promise.all([
        this.db.visitors.get(visit.visitorId),
        visit.hostStaffId ? this.db.staff.get(visit.hostStaffId) : Promise.resolve(undefined),
      ]);
      return { visit, visitor, host };
    });
  }

  private applyEvent(visit: Visit, event: VisitEvent, action: 'checkIn' | 'checkOut' | 'update', summary: string): Promise<Visit> {
    return this.writes.patch('visits', visit, applyVisitEvent(visit, event), { action, summary });
  }

  private async assertHost(hostStaffId: string | undefined): Promise<void> {
    if (!hostStaffId) return;
    const host = await this.db.staff.get(hostStaffId);
    if (!host || host.deletedAt !== undefined) throw new ValidationError({ hostStaffId: 'hostRequired' });
  }

  /**
   * Runs the watchlist against the candidate being saved (shared/visitors/watchlistClearance.ts). When a
   * match is not cleared, an open alert is raised per uncleared match, in this transaction, and nothing
   * else is written.
   */
  private async clearance(candidate: WatchlistCandidate, acknowledgedAlertIds: readonly string[]): Promise<{ kind: 'cleared'; alerts: WatchlistAlert[] } | Extract<CheckInOutcome, { kind: 'needs-clearance' }>> {
    const entries = await this.db.watchlist.where('active').equals(1).toArray();
    const matches = textKeys().matchWatchlist(candidate, entries);
    if (matches.length === 0) return { kind: 'cleared', alerts: [] };
    const alerts = (await this.db.watchlistAlerts.bulkGet([...acknowledgedAlertIds])).filter((a): a is WatchlistAlert => a !== undefined);
    const result = watchlistClearance(candidate, matches, alerts);
    if (result.cleared) return { kind: 'cleared', alerts: result.admitting };
    const raised = await new WatchlistAlertRepository(this.db).raise(candidate, result.uncleared);
    const byId = new Map(entries.map((e) => [e.id, e]));
    const matched = new Map(result.uncleared.flatMap((m) => (byId.has(m.entryId) ? [[m.entryId, byId.get(m.entryId)!] as const] : [])));
    return { kind: 'needs-clearance', candidate, matches: result.uncleared, alerts: raised, entries: matched };
  }

  private async linkAlerts(alerts: readonly WatchlistAlert[], visitId: string, visitorId: string): Promise<void> {
    for (const alert of alerts) {
      await this.writes.patch('watchlistAlerts', alert, { visitId, visitorId }, { action: 'update', summary: `watchlist alert linked to visit ${visitId}` });
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
      return this.writes.patch('visitors', existing, derived, { action: 'update', summary: `returning visitor ${existing.name}${override}` }, { at: now });
    }
    return this.writes.create('visitors', visitorFields({ ...input, lastVisitAt: arrivedAt }), (v) => ({ action: 'create', summary: `created visitor ${v.name}${override}` }), { at: now });
  }
}
