// The hold queue and recall: which callers wait on hold, longest first, and which of them are due to ring
// back at the console. Pure, so the switchboard's queue, its recall cue and the "take back" key agree.

/** What the rules need of a line (the phone's LineView has these fields). */
export interface HeldLineFacts {
  id: string;
  state: string;
  heldSince?: number;
  /** A consultation is being made for this caller: the operator is busy on their behalf, no recall. */
  consultLineId?: string;
}

export interface HeldEntry<L extends HeldLineFacts> {
  line: L;
  heldSince: number;
  /** How long the caller has waited on hold at `now`, in ms (never negative). */
  waitedMs: number;
}

/** The callers on hold, longest waiting first (ties by id, so the order is stable). */
export function holdQueue<L extends HeldLineFacts>(lines: readonly L[], now: number): HeldEntry<L>[] {
  return lines
    .filter((l): l is L & { heldSince: number } => l.state === 'held' && typeof l.heldSince === 'number')
    .map((line) => ({ line, heldSince: line.heldSince, waitedMs: Math.max(0, now - line.heldSince) }))
    .sort((a, b) => a.heldSince - b.heldSince || (a.line.id < b.line.id ? -1 : a.line.id > b.line.id ? 1 : 0));
}

/** The caller who has waited longest on hold, the one the "take back" key resumes. */
export function longestWaiting<L extends HeldLineFacts>(lines: readonly L[], now: number): L | undefined {
  return holdQueue(lines, now)[0]?.line;
}

/** When this held call is due for recall (ms epoch), or undefined when it is not subject to recall. */
export function recallDueAt(line: HeldLineFacts, recallMs: number): number | undefined {
  if (line.state !== 'held' || line.heldSince === undefined || line.consultLineId) return undefined;
  return line.heldSince + recallMs;
}

/**
 * The held calls due for recall at `now`: on hold for at least `recallMs`, no consultation running for them;
 * longest waiting first. A call resumed and held again starts a new wait (its heldSince is the new hold).
 */
export function dueForRecall<L extends HeldLineFacts>(lines: readonly L[], now: number, recallMs: number): L[] {
  return holdQueue(lines, now)
    .filter((e) => {
      const due = recallDueAt(e.line, recallMs);
      return due !== undefined && now >= due;
    })
    .map((e) => e.line);
}

/** The next moment a held call becomes due (to schedule one timer instead of ticking), or undefined. */
export function nextRecallAt(lines: readonly HeldLineFacts[], now: number, recallMs: number): number | undefined {
  let next: number | undefined;
  for (const line of lines) {
    const due = recallDueAt(line, recallMs);
    if (due !== undefined && due > now && (next === undefined || due < next)) next = due;
  }
  return next;
}
