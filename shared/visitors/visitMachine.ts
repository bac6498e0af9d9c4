// The life of a visit (docs/REQUIREMENTS.md §1): pre-registered visits are 'expected'; arriving puts them
// 'onSite' (a walk-in is created on site); leaving ends it. An expected visit may instead be cancelled
// or marked a no-show. Nothing else: a visitor who left cannot be checked out twice, a cancelled visit
// cannot suddenly be on site. The repository applies these rules inside its write transactions.
import type { Visit, VisitStatus } from '../domain/visitors';

export type VisitEvent =
  | { type: 'checkIn'; at: number; expectedDurationMin?: number | undefined }
  | { type: 'checkOut'; at: number; by: string; method: NonNullable<Visit['checkOutMethod']> }
  | { type: 'cancel'; at: number }
  | { type: 'markNoShow'; at: number }
  | { type: 'undoCheckOut'; at: number };

/**
 * How long a check-out can be taken back. A misclick on the on-site board must not silently drop a person
 * from the emergency roll call, but a visit that has really ended (and may have been archived or merged
 * from another desk) must stay ended: the undo is for the moment right after the click.
 */
export const UNDO_CHECK_OUT_MS = 5 * 60_000;

const TARGET: Record<VisitEvent['type'], VisitStatus> = { checkIn: 'onSite', checkOut: 'left', cancel: 'cancelled', markNoShow: 'noShow', undoCheckOut: 'onSite' };

const ALLOWED: Record<VisitStatus, readonly VisitStatus[]> = {
  expected: ['onSite', 'cancelled', 'noShow'],
  onSite: ['left'],
  left: [],
  cancelled: [],
  noShow: [],
};

export class InvalidVisitTransitionError extends Error {
  constructor(readonly from: VisitStatus, readonly event: VisitEvent['type']) {
    super(`A visit that is ${from} cannot ${event}`);
    this.name = 'InvalidVisitTransitionError';
  }
}

export function canTransition(from: VisitStatus, to: VisitStatus): boolean {
  return ALLOWED[from].includes(to);
}

/** Events the visit accepts in its current state (the screen offers only these actions; an undo is offered apart). */
export function allowedEvents(status: VisitStatus): VisitEvent['type'][] {
  return (Object.keys(TARGET) as VisitEvent['type'][]).filter((e) => e !== 'undoCheckOut' && canTransition(status, TARGET[e]));
}

/** Whether a check-out can still be taken back at `now` (left, and within UNDO_CHECK_OUT_MS of leaving). */
export function canUndoCheckOut(visit: Pick<Visit, 'status' | 'leftAt'>, now: number): boolean {
  return visit.status === 'left' && visit.leftAt !== undefined && now - visit.leftAt >= 0 && now - visit.leftAt <= UNDO_CHECK_OUT_MS;
}

/** The fields that change when the event happens; throws InvalidVisitTransitionError when it cannot. */
export function applyVisitEvent(visit: Pick<Visit, 'status' | 'expectedDurationMin' | 'leftAt'>, event: VisitEvent): Partial<Visit> {
  const to = TARGET[event.type];
  if (event.type === 'undoCheckOut') {
    if (!canUndoCheckOut(visit, event.at)) throw new InvalidVisitTransitionError(visit.status, event.type);
    return { status: to, leftAt: undefined, checkedOutBy: undefined, checkOutMethod: undefined };
  }
  if (!canTransition(visit.status, to)) throw new InvalidVisitTransitionError(visit.status, event.type);
  switch (event.type) {
    case 'checkIn': {
      const duration = event.expectedDurationMin ?? visit.expectedDurationMin;
      return { status: to, arrivedAt: event.at, expectedDepartureAt: duration ? event.at + duration * 60_000 : undefined };
    }
    case 'checkOut':
      return { status: to, leftAt: event.at, checkedOutBy: event.by, checkOutMethod: event.method };
    case 'cancel':
    case 'markNoShow':
      return { status: to };
  }
}

/** Fields of a walk-in visit, created directly on site. */
export function walkInFields(at: number, expectedDurationMin: number | undefined): Pick<Visit, 'status' | 'arrivedAt' | 'expectedDepartureAt'> {
  return { status: 'onSite', arrivedAt: at, expectedDepartureAt: expectedDurationMin ? at + expectedDurationMin * 60_000 : undefined };
}

/** On site past the expected departure: flagged on the board. */
export function isOverdue(visit: Pick<Visit, 'status' | 'expectedDepartureAt'>, now: number): boolean {
  return visit.status === 'onSite' && visit.expectedDepartureAt !== undefined && now > visit.expectedDepartureAt;
}
