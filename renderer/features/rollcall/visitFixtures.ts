// Test fixtures: visits, visitors and calls written straight into a test database in their stored shape
// (the registration screens are another feature; these tests only read what such screens store).
import type { Call, Visit, Visitor } from '@shared/domain';
import { callSchema, visitSchema, visitorSchema } from '@shared/domain';
import type { FrontDeskDatabase } from '../../db';
import { newId } from '../../db';

const base = (db: FrontDeskDatabase, at: number) => ({ id: newId(at), createdAt: at, updatedAt: at, deskId: db.desk.deskId });

export async function addVisitor(db: FrontDeskDatabase, name: string, company?: string): Promise<Visitor> {
  const visitor = visitorSchema.parse({ ...base(db, Date.now()), name, company, searchKeys: [name.toLowerCase()] });
  await db.visitors.add(visitor);
  return visitor;
}

export async function addVisit(db: FrontDeskDatabase, visitor: Visitor, fields: Partial<Visit> & Pick<Visit, 'status'>): Promise<Visit> {
  const visit = visitSchema.parse({ ...base(db, fields.arrivedAt ?? fields.expectedAt ?? Date.now()), visitorId: visitor.id, partySize: 1, ...fields });
  await db.visits.add(visit);
  return visit;
}

export async function addCall(db: FrontDeskDatabase, fields: Partial<Call> & Pick<Call, 'startedAt' | 'disposition'>): Promise<Call> {
  const call = callSchema.parse({ ...base(db, fields.startedAt), direction: 'inbound', remoteNumber: '010 1234 5678', remoteNumberDigits: '01012345678', ...fields });
  await db.calls.add(call);
  return call;
}
