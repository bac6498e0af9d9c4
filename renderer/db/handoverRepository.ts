// Shift handover notes (docs/REQUIREMENTS.md §7): written at sign-out with what the next shift must know,
// pre-filled by providers, shown at the next sign-in and acknowledged there. Both steps are audited; the
// note is kept (never deleted).
//
// Pre-fill providers: one function per kind of open business (visitors on site, complaints, messages, urgent
// parcels, equipment faults). A feature that keeps other open work adds its provider to HANDOVER_PROVIDERS in
// this file (or calls registerHandoverProvider from renderer/db); each returns null when it has nothing to report. They read
// straight from the tables (inside db/), so a provider works whatever the writer's roles.
import Dexie from 'dexie';
import type { Handover, HandoverItem } from '@shared/domain/desk';
import { WAITING_STATUSES } from '@shared/complaints/complaintRules';
import { WAITING_STATUSES as PARCEL_WAITING_STATUSES } from '@shared/domain/plain/parcels';
import { MESSAGE_STATUSES } from '@shared/domain/plain/switchboard';
import { isWaiting as messageWaiting } from '@shared/messages/messageMachine';
import { OPEN_FAULT_STATUSES } from './equipmentFaultRepository';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { RecordRepository, ValidationError } from './recordRepository';

export type HandoverProvider = (db: FrontDeskDatabase) => Promise<HandoverItem | null>;

const MAX_LINES = 20;

/** Visitors still on site: their names and arrival times. */
export const visitorsOnSite: HandoverProvider = async (db) => {
  const visits = (await db.visits.where('[status+arrivedAt]').between(['onSite', Dexie.minKey], ['onSite', Dexie.maxKey]).toArray()).filter((v) => v.deletedAt === undefined);
  if (visits.length === 0) return null;
  const visitors = await db.visitors.bulkGet(visits.slice(0, MAX_LINES).map((v) => v.visitorId));
  return { kind: 'visitorsOnSite', count: visits.length, lines: visitors.map((v) => v?.name ?? '?') };
};

/** Complaints still open or in progress. */
export const openComplaints: HandoverProvider = async (db) => {
  const rows = [];
  for (const status of WAITING_STATUSES) {
    rows.push(...(await db.complaints.where('[status+createdAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).toArray()).filter((c) => c.deletedAt === undefined));
  }
  if (rows.length === 0) return null;
  return { kind: 'openComplaints', count: rows.length, lines: rows.slice(0, MAX_LINES).map((c) => `${c.kind}${c.name ? ` · ${c.name}` : ''}: ${c.content.slice(0, 80)}`) };
};

const MESSAGE_WAITING = MESSAGE_STATUSES.filter(messageWaiting);

/**
 * Messages still waiting for their recipient (shared/messages/messageMachine.ts `isWaiting`: open or
 * delivered, not yet acknowledged; acknowledged and closed ones are done with). A line names recipient and
 * caller only: the content and the caller's number stay out, since the note is shown to whoever signs in next
 * and the items must never carry phone numbers (shared/domain/desk.ts).
 */
export const openMessages: HandoverProvider = async (db) => {
  const rows = [];
  for (const status of MESSAGE_WAITING) {
    rows.push(...(await db.messages.where('[status+createdAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).toArray()).filter((m) => m.deletedAt === undefined));
  }
  if (rows.length === 0) return null;
  rows.sort((a, b) => a.createdAt - b.createdAt);
  return {
    kind: 'openMessages',
    count: rows.length,
    lines: rows.slice(0, MAX_LINES).map((m) => `${m.toName ?? '?'}${m.fromName || m.fromCompany ? ` ← ${[m.fromName, m.fromCompany].filter(Boolean).join(', ')}` : ''}`.slice(0, 200)),
  };
};

/** Urgent items still waiting for collection (received or notified; [urgent+status]). */
export const urgentParcels: HandoverProvider = async (db) => {
  const rows = (await db.parcels.where('[urgent+status]').anyOf(PARCEL_WAITING_STATUSES.map((status) => [1, status])).toArray()).filter((p) => p.deletedAt === undefined);
  if (rows.length === 0) return null;
  rows.sort((a, b) => a.receivedAt - b.receivedAt);
  return {
    kind: 'urgentParcels',
    count: rows.length,
    lines: rows.slice(0, MAX_LINES).map((p) => [p.recipientName ?? '?', p.trackingNumber, p.shelf].filter(Boolean).join(' · ').slice(0, 200)),
  };
};

/** Equipment faults open or in repair (a PBX-outage candidate not yet confirmed or dismissed included). */
export const openEquipmentFaults: HandoverProvider = async (db) => {
  const rows = [];
  for (const status of OPEN_FAULT_STATUSES) {
    rows.push(...(await db.equipmentFaults.where('[status+reportedAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).toArray()).filter((f) => f.deletedAt === undefined));
  }
  if (rows.length === 0) return null;
  rows.sort((a, b) => a.reportedAt - b.reportedAt);
  return {
    kind: 'equipmentFaults',
    count: rows.length,
    lines: rows.slice(0, MAX_LINES).map((f) => `${f.equipment}${f.line ? ` (${f.line})` : ''}: ${f.symptom.slice(0, 80)}`.slice(0, 200)),
  };
};

export const HANDOVER_PROVIDERS: HandoverProvider[] = [visitorsOnSite, openComplaints, openMessages, urgentParcels, openEquipmentFaults];

export function registerHandoverProvider(provider: HandoverProvider): void {
  if (!HANDOVER_PROVIDERS.includes(provider)) HANDOVER_PROVIDERS.push(provider);
}

export class HandoverRepository extends RecordRepository<'handovers'> {
  constructor(db: FrontDeskDatabase) {
    super(db, 'handovers');
  }

  protected override describe(record: Handover): string {
    return `handover note (${record.items.map((i) => `${i.kind} ${i.count}`).join(', ') || 'nothing open'})`;
  }

  /** What the providers report now (a provider that fails is left out rather than blocking the sign-out). */
  async prefill(providers: readonly HandoverProvider[] = HANDOVER_PROVIDERS): Promise<HandoverItem[]> {
    const items = await Promise.all(providers.map((p) => p(this.db).catch(() => null)));
    return items.filter((i): i is HandoverItem => i !== null);
  }

  /** The note written at sign-out by the signed-in person. */
  async write(note: string, items: readonly HandoverItem[]): Promise<Handover> {
    const principal = this.db.access.principal;
    const from = principal?.operatorId ?? this.db.desk.actorId;
    return this.create({ fromOperatorId: from, note: note.trim(), items: [...items], status: 'open' }, { summary: `handover note written by ${principal?.name ?? from}` });
  }

  /** The newest note nobody has acknowledged yet (older open ones were superseded by it). */
  async latestOpen(): Promise<Handover | undefined> {
    const rows = await this.table.where('[status+createdAt]').between(['open', Dexie.minKey], ['open', Dexie.maxKey]).reverse().limit(5).toArray();
    return rows.find((r) => r.deletedAt === undefined);
  }

  async acknowledge(id: string): Promise<Handover> {
    return this.transaction(async () => {
      const existing = await this.live(id);
      if (existing.status !== 'open') throw new ValidationError({ status: 'alreadyAcknowledged' });
      const by = this.db.access.principal;
      return this.writes.patch('handovers', existing, { status: 'acknowledged', acknowledgedBy: by?.operatorId ?? this.db.desk.actorId, acknowledgedAt: Date.now() }, {
        action: 'acknowledge', summary: `handover note acknowledged by ${by?.name ?? this.db.desk.actorId}`,
      });
    });
  }
}
