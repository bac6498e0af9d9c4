// The security watchlist (可疑人员) and the alerts it raises. Entries are never deleted by the desk,
// only deactivated (audited); alerts are kept whatever the decision, refused visitors included.
import type { NewRecord } from '@shared/domain/record';
import type { WatchlistAlert, WatchlistEntry } from '@shared/domain/visitors';
import { WATCHLIST_DECISIONS } from '@shared/domain/plain/visitors';
import { cleanName, cleanText } from '@shared/text/cleanText';
import { maskIdNumber, normaliseIdNumber } from '@shared/visitors/idNumber';
import type { WatchlistCandidate, WatchlistMatch } from '@shared/visitors/watchlistMatch';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { RecordNotFoundError, RecordRepository, ValidationError } from './recordRepository';
import { loadTextKeys, textKeys } from './textKeys';

export type WatchlistDecision = (typeof WATCHLIST_DECISIONS)[number];

export interface WatchlistInput {
  name?: string | undefined;
  idNumber?: string | undefined;
  organisation?: string | undefined;
  reason: string;
  /** Who added the entry; defaults to the acting operator. */
  addedBy?: string | undefined;
  active?: 0 | 1;
}

export class WatchlistRepository extends RecordRepository<'watchlist', WatchlistInput> {
  constructor(db: FrontDeskDatabase) {
    super(db, 'watchlist');
  }

  protected override describe(record: WatchlistEntry): string {
    const who = [record.name, record.idNumber ? `ID ${maskIdNumber(record.idNumber)}` : undefined, record.organisation].filter(Boolean).join(', ');
    return `watchlist entry ${who}`;
  }

  protected override async toFields(input: WatchlistInput): Promise<NewRecord<WatchlistEntry>> {
    // Cleaned as a visitor's name is (text/cleanText.ts): an entry saved with invisible characters must
    // still look and match like the name it shows.
    const name = cleanName(input.name) || undefined;
    const idNumber = input.idNumber ? normaliseIdNumber(input.idNumber) || undefined : undefined;
    const organisation = cleanName(input.organisation) || undefined;
    const errors: Record<string, string> = {};
    if (!name && !idNumber && !organisation) errors.name = 'watchlistEmpty';
    if (!input.reason?.trim()) errors.reason = 'required';
    if (Object.keys(errors).length > 0) throw new ValidationError(errors);
    return {
      name, idNumber, idNumberKey: idNumber, organisation,
      reason: cleanText(input.reason).trim(),
      addedBy: input.addedBy?.trim() || this.db.desk.actorId,
      active: input.active ?? 1,
      searchKeys: textKeys().watchlistEntryKeys({ name, idNumber, organisation }),
    };
  }

  /** Takes an entry off the active list; it stays on record (and in old alerts). */
  async deactivate(id: string): Promise<WatchlistEntry> {
    return this.transaction(async () => {
      const entry = await this.live(id);
      return this.writes.patch('watchlist', entry, { active: 0 }, { action: 'update', summary: `deactivated ${this.describe(entry)}` });
    });
  }

  activeEntries(): Promise<WatchlistEntry[]> {
    return this.db.watchlist.where('active').equals(1).filter((e) => e.deletedAt === undefined).toArray();
  }

  /** Every entry, newest first (the list is short: security maintains it by hand). */
  async listNewestFirst(): Promise<WatchlistEntry[]> {
    return (await this.db.watchlist.filter((e) => e.deletedAt === undefined).toArray()).reverse();
  }

  /** Active entries the candidate matches. */
  async matches(candidate: WatchlistCandidate): Promise<WatchlistMatch[]> {
    const { matchWatchlist } = await loadTextKeys();
    return matchWatchlist(candidate, await this.activeEntries());
  }
}

export class WatchlistAlertRepository extends RecordRepository<'watchlistAlerts'> {
  constructor(db: FrontDeskDatabase) {
    super(db, 'watchlistAlerts');
  }

  protected override describe(record: WatchlistAlert): string {
    return `watchlist alert for ${record.candidateName ?? '?'} (matched on ${record.matchedOn})`;
  }

  /** Records an open alert per match, before the desk decides anything. */
  async raise(candidate: WatchlistCandidate, matches: readonly WatchlistMatch[]): Promise<WatchlistAlert[]> {
    return this.transaction(async () => {
      const now = Date.now();
      const alerts: WatchlistAlert[] = [];
      for (const match of matches) {
        alerts.push(await this.writes.create('watchlistAlerts', {
          watchlistId: match.entryId, matchedOn: match.matchedOn, status: 'open', raisedAt: now,
          candidateName: candidate.name?.trim().slice(0, 64) || undefined,
          candidateIdNumber: candidate.idNumber ? normaliseIdNumber(candidate.idNumber).slice(0, 64) || undefined : undefined,
        }, (alert) => ({ action: 'create', summary: `raised ${this.describe(alert)} (${match.how})` }), { at: now }));
      }
      return alerts;
    });
  }

  /** The desk's decision on open alerts, with a note; audited as an acknowledgement. */
  async acknowledge(alertIds: readonly string[], decision: WatchlistDecision, note: string): Promise<WatchlistAlert[]> {
    if (!(WATCHLIST_DECISIONS as readonly string[]).includes(decision)) throw new ValidationError({ decision: 'required' });
    if (!note.trim()) throw new ValidationError({ note: 'required' });
    return this.transaction(async () => {
      const done: WatchlistAlert[] = [];
      for (const id of alertIds) {
        const alert = await this.db.watchlistAlerts.get(id);
        if (!alert || alert.deletedAt !== undefined) throw new RecordNotFoundError('watchlistAlerts', id);
        if (alert.status !== 'open') throw new ValidationError({ decision: 'alreadyAcknowledged' });
        done.push(await this.writes.patch('watchlistAlerts', alert, {
          status: 'acknowledged', decision, note: note.trim().slice(0, 1000), acknowledgedAt: Date.now(), acknowledgedBy: this.db.desk.actorId,
        }, { action: 'acknowledge', summary: `acknowledged ${this.describe(alert)}: ${decision}` }));
      }
      return done;
    });
  }

  /** Most recent alerts first (ids are ULIDs: creation order). */
  recent(limit = 50): Promise<WatchlistAlert[]> {
    return this.db.watchlistAlerts.orderBy(':id').reverse().filter((a) => a.deletedAt === undefined).limit(limit).toArray();
  }
}
