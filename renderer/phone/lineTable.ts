// The operator's lines: at most the desk's number of lines (Settings → Phone, 4 unless set, up to
// MAX_LINES) live calls, each on its own line number. A finished call stays on its number for a moment so
// the operator sees how it ended, then gives way.
import { DEFAULT_LINES, MAX_LINES_LIMIT } from '@shared/phone/phoneSettings';
import type { PhoneLine } from './phoneLine';
import type { LineView } from './phoneTypes';

/** The most lines a desk can be set to. */
export const MAX_LINES = MAX_LINES_LIMIT;
/** How long an ended call stays visible on its line. */
export const ENDED_LINE_LINGER_MS = 4000;

export class LineTable {
  private readonly lines = new Map<string, PhoneLine>();

  /**
   * `onRemoved` hears of every line that left the table (the bench hooks forget its timings); `configured`
   * is the desk's number of lines (read on every call, so a changed setting applies to the next call).
   */
  constructor(
    private readonly onRemoved: (lineId: string) => void = () => undefined,
    private readonly configured: () => number = () => DEFAULT_LINES,
  ) {}

  /** How many calls the desk takes at once (1 … MAX_LINES). */
  limit(): number {
    const n = this.configured();
    return Number.isInteger(n) ? Math.min(MAX_LINES, Math.max(1, n)) : DEFAULT_LINES;
  }

  get(id: string): PhoneLine | undefined {
    return this.lines.get(id);
  }

  all(): PhoneLine[] {
    return [...this.lines.values()];
  }

  views(): LineView[] {
    return this.all()
      .map((l) => l.view)
      .sort((a, b) => a.lineNo - b.lineNo);
  }

  freeLineNo(): number | undefined {
    const used = new Set(this.all().filter((l) => l.isLive).map((l) => l.lineNo));
    for (let n = 1; n <= this.limit(); n += 1) if (!used.has(n)) return n;
    return undefined;
  }

  /** Adds a line; the finished call still shown on its line number gives way to it. */
  add(line: PhoneLine): void {
    for (const [id, old] of this.lines) {
      if (old.lineNo === line.lineNo && !old.isLive) this.remove(id);
    }
    this.lines.set(line.id, line);
  }

  /** Removes an ended line after the linger time, unless a new call already took its place. */
  removeLater(line: PhoneLine, onRemoved: () => void): void {
    setTimeout(() => {
      if (this.lines.get(line.id) !== line) return;
      this.remove(line.id);
      onRemoved();
    }, ENDED_LINE_LINGER_MS);
  }

  oldestRinging(): PhoneLine | undefined {
    return this.all()
      .filter((l) => l.state === 'ringing')
      .sort((a, b) => a.view.ringStartedAt - b.view.ringStartedAt)[0];
  }

  /** The other lines the operator is talking to right now (an attendant talks to one caller at a time). */
  activeOtherThan(line: PhoneLine): PhoneLine[] {
    return this.all().filter((other) => other !== line && other.state === 'active');
  }

  private remove(id: string): void {
    this.lines.delete(id);
    this.onRemoved(id);
  }
}
