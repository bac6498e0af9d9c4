// Visitors (the people, docs/REQUIREMENTS.md §1), kept apart from their visits so a returning visitor is
// recognised while the desk types: search keys (name, pinyin full and initials, the phone's key, national
// number and last four digits, organisation) are computed here, on write, and served by the `*searchKeys` index.
import type { NewRecord } from '@shared/domain/record';
import type { Visit, Visitor } from '@shared/domain/visitors';
import type { Staff } from '@shared/domain/directory';
import { normaliseQuery } from '@shared/search/textNormalise';
import { cleanName } from '@shared/text/cleanText';
import { maskIdNumber, normaliseIdNumber } from '@shared/visitors/idNumber';
import type { IdDocumentType } from '@shared/visitors/idNumber';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { RecordRepository, ValidationError } from './recordRepository';
import { textKeys } from './textKeys';

export interface VisitorInput {
  name: string;
  company?: string | undefined;
  phone?: string | undefined;
  idType?: IdDocumentType | undefined;
  idNumber?: string | undefined;
  lastVisitAt?: number | undefined;
}

/** A suggestion while typing: the visitor and what their last visit says (usual host and purpose). */
export interface VisitorSuggestion {
  visitor: Visitor;
  lastVisit?: Visit;
}

/** Stored fields of a visitor from checked input (derived fields included). In a write transaction (textKeys.ts). */
export function visitorFields(input: VisitorInput): NewRecord<Visitor> {
  const { phoneKey, visitorSearchKeys } = textKeys();
  const idNumber = input.idNumber ? normaliseIdNumber(input.idNumber) || undefined : undefined;
  return {
    name: cleanName(input.name),
    company: cleanName(input.company) || undefined,
    phone: cleanName(input.phone) || undefined,
    phoneDigits: phoneKey(input.phone),
    idType: idNumber ? input.idType : undefined,
    idNumber,
    lastVisitAt: input.lastVisitAt,
    searchKeys: visitorSearchKeys({ name: input.name, phone: input.phone, company: input.company }),
  };
}

export class VisitorRepository extends RecordRepository<'visitors', VisitorInput> {
  constructor(db: FrontDeskDatabase) {
    super(db, 'visitors');
  }

  protected override describe(record: Visitor): string {
    // The ID number never goes into the audit text in full.
    return `visitor ${record.name}${record.company ? ` (${record.company})` : ''}${record.idNumber ? ` ID ${maskIdNumber(record.idNumber)}` : ''}`;
  }

  protected override async toFields(input: VisitorInput): Promise<NewRecord<Visitor>> {
    if (!cleanName(input.name)) throw new ValidationError({ name: 'required' });
    return visitorFields(input);
  }

  /**
   * Earlier visitors for what the desk has typed so far (name, pinyin or initials, phone digits,
   * organisation). Walks the multi-entry index from the first token and stops after a few dozen rows,
   * so a keystroke never scans the table; exact key matches first, then the most recent visitors.
   */
  async suggest(query: string, options: { limit?: number } = {}): Promise<Visitor[]> {
    const tokens = normaliseQuery(query);
    const limit = options.limit ?? 8;
    if (tokens.length === 0 || (tokens.length === 1 && [...tokens[0]!].length < 2 && !/\p{Script=Han}/u.test(tokens[0]!))) return [];
    const [first, ...rest] = tokens;
    // One bounded getAll on the index (no cursor: distinct() or filter() would make Dexie step a cursor,
    // one IndexedDB round trip per row); duplicates of the multi-entry index and the other tokens are
    // handled in memory on those few rows.
    const batch = await this.db.visitors.where('searchKeys').startsWith(first!).limit(limit * 6).toArray();
    const seen = new Set<string>();
    const found = batch.filter((v) => {
      if (seen.has(v.id)) return false;
      seen.add(v.id);
      return v.deletedAt === undefined && rest.every((t) => v.searchKeys.some((k) => k.startsWith(t)));
    });
    const exact = (v: Visitor) => (tokens.every((t) => v.searchKeys.includes(t)) ? 0 : 1);
    return found.sort((a, b) => exact(a) - exact(b) || (b.lastVisitAt ?? 0) - (a.lastVisitAt ?? 0)).slice(0, limit);
  }

  /** The visitor's most recent visit (its host and purpose prefill the form). */
  async lastVisitOf(visitorId: string): Promise<Visit | undefined> {
    const visits = (await this.db.visits.where('visitorId').equals(visitorId).toArray()).filter((v) => v.deletedAt === undefined);
    return visits.sort((a, b) => (b.arrivedAt ?? b.expectedAt ?? b.createdAt) - (a.arrivedAt ?? a.expectedAt ?? a.createdAt))[0];
  }

  /** Suggestions with their last visits, for the registration form. */
  async suggestWithLastVisit(query: string, options: { limit?: number } = {}): Promise<VisitorSuggestion[]> {
    const visitors = await this.suggest(query, options);
    return Promise.all(visitors.map(async (visitor) => ({ visitor, lastVisit: await this.lastVisitOf(visitor.id) })));
  }

  /**
   * Reveals a stored ID number and records who looked (§6: "who viewed … what"). Roles and sign-in come
   * later: until then the actor is the desk itself.
   */
  async revealIdNumber(visitorId: string): Promise<string | undefined> {
    return this.transaction(async () => {
      const visitor = await this.live(visitorId);
      if (!visitor.idNumber) return undefined;
      await this.writes.audit({ action: 'view', entityTable: 'visitors', entityId: visitorId, summary: `viewed ID number of visitor ${visitor.name}` });
      return visitor.idNumber;
    });
  }

  /**
   * Suggestions for the registration form with each one's usual host, in ONE read transaction: a
   * keystroke pays for one IndexedDB transaction, not eight.
   */
  suggestForRegistration(query: string, options: { limit?: number } = {}): Promise<Array<VisitorSuggestion & { host?: Staff }>> {
    return this.db.transaction('r', [this.db.visitors, this.db.visits, this.db.staff], async () => {
      const found = await this.suggestWithLastVisit(query, options);
      const hostIds = found.map((s) => s.lastVisit?.hostStaffId).filter((id): id is string => Boolean(id));
      const hosts = new Map((await this.db.staff.bulkGet(hostIds)).filter((h): h is Staff => h !== undefined && h.deletedAt === undefined).map((h) => [h.id, h]));
      return found.map((s) => ({ ...s, host: s.lastVisit?.hostStaffId ? hosts.get(s.lastVisit.hostStaffId) : undefined }));
    });
  }
}
