// Test fixtures: visits, visitors and calls in their stored shape, for tests that only read what the
// registration screens and the phone store (the roll call, badges, the dashboard). They write through
// the write path like every write, stamped at the instant the fixture says (an arrival two hours ago).
import type { Call, Visit, Visitor } from '@shared/domain';
import type { FrontDeskDatabase } from '../db';
import { writePathOf } from '../db/writePath';

// No audit entries: the tests read the audit trail of what they do themselves, not of the fixtures.
const fixture = null;

export function addVisitor(db: FrontDeskDatabase, name: string, company?: string): Promise<Visitor> {
  return writePathOf(db).create('visitors', { name, company, searchKeys: [name.toLowerCase()] }, fixture);
}

export function addVisit(db: FrontDeskDatabase, visitor: Visitor, fields: Partial<Visit> & Pick<Visit, 'status'>): Promise<Visit> {
  return writePathOf(db).create('visits', { visitorId: visitor.id, partySize: 1, ...fields }, fixture, { at: fields.arrivedAt ?? fields.expectedAt ?? Date.now() });
}

export function addCall(db: FrontDeskDatabase, fields: Partial<Call> & Pick<Call, 'startedAt' | 'disposition'>): Promise<Call> {
  return writePathOf(db).create('calls', { direction: 'inbound', remoteNumber: '010 1234 5678', remoteNumberDigits: '01012345678', ...fields }, fixture, { at: fields.startedAt });
}
