// Recall: a caller left on hold longer than the desk's recall time rings back at the console. Which held
// calls are due is the pure rule in shared/phone/holdQueue.ts; this keeps the due set current with one timer
// set for the next due moment (no ticking), and publishes it for the screens and the shell's ringer.
import { createStore, type Listener } from '@shared/store/createStore';
import { dueForRecall, nextRecallAt } from '@shared/phone/holdQueue';
import type { LineView } from './phoneTypes';

const NONE: readonly string[] = [];

export class RecallWatch {
  private readonly store = createStore<readonly string[]>(NONE);
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly lines: () => readonly LineView[],
    private readonly recallMs: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  subscribe = (listener: Listener): (() => void) => this.store.subscribe(listener);

  /** The ids of the lines ringing back for recall, longest waiting first. */
  getSnapshot = (): readonly string[] => this.store.get();

  /** Re-reads the lines (call on every change of the phone's view); schedules the next recall. */
  update = (): void => {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const now = this.now();
    const lines = this.lines();
    const recallMs = this.recallMs();
    const due = dueForRecall(lines, now, recallMs).map((l) => l.id);
    this.store.set((previous) => (previous.length === due.length && previous.every((id, i) => id === due[i]) ? previous : due.length === 0 ? NONE : due));
    const next = nextRecallAt(lines, now, recallMs);
    if (next !== undefined) this.timer = setTimeout(this.update, Math.max(0, next - now) + 1);
  };

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
