// The line table: at most the desk's number of lines (up to MAX_LINES) live calls; a finished call keeps its line number visible for a
// moment and gives way to a new call on that number.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionState } from 'sip.js';
import { establishedLine } from '../test/fakeSipSession';
import { ENDED_LINE_LINGER_MS, LineTable, MAX_LINES } from './lineTable';

afterEach(() => {
  vi.useRealTimers();
});

describe('LineTable', () => {
  it('hands out the lowest free line number and none once every line is live', () => {
    const lines = new LineTable(undefined, () => MAX_LINES);
    for (let n = 1; n <= MAX_LINES; n += 1) {
      expect(lines.freeLineNo()).toBe(n);
      lines.add(establishedLine('inbound', { lineNo: n }).line);
    }
    expect(lines.freeLineNo()).toBeUndefined();
  });

  it('follows the configured number of lines: a smaller setting takes fewer calls', () => {
    let configured = 2;
    const lines = new LineTable(undefined, () => configured);
    lines.add(establishedLine('inbound', { lineNo: 1 }).line);
    lines.add(establishedLine('inbound', { lineNo: 2 }).line);
    expect(lines.freeLineNo()).toBeUndefined();
    configured = 3;
    expect(lines.freeLineNo()).toBe(3);
  });

  it('an ended call frees its number; a new call on it replaces the finished one', () => {
    const removed: string[] = [];
    const lines = new LineTable((id) => removed.push(id));
    const first = establishedLine('inbound', { lineNo: 1 });
    lines.add(first.line);
    first.go(SessionState.Terminated);
    expect(lines.freeLineNo()).toBe(1);
    const second = establishedLine('inbound', { lineNo: 1 });
    lines.add(second.line);
    expect(lines.all()).toEqual([second.line]);
    expect(removed).toEqual([first.line.id]);
  });

  it('removes an ended line after the linger time, unless a new call already took its place', () => {
    vi.useFakeTimers();
    const lines = new LineTable();
    const ended = establishedLine('inbound', { lineNo: 1 });
    lines.add(ended.line);
    ended.go(SessionState.Terminated);
    const onRemoved = vi.fn();
    lines.removeLater(ended.line, onRemoved);
    vi.advanceTimersByTime(ENDED_LINE_LINGER_MS - 1);
    expect(lines.get(ended.line.id)).toBe(ended.line);
    vi.advanceTimersByTime(1);
    expect(lines.get(ended.line.id)).toBeUndefined();
    expect(onRemoved).toHaveBeenCalledOnce();
  });

  it('lists views by line number', () => {
    const lines = new LineTable();
    lines.add(establishedLine('inbound', { lineNo: 3 }).line);
    lines.add(establishedLine('inbound', { lineNo: 1 }).line);
    expect(lines.views().map((v) => v.lineNo)).toEqual([1, 3]);
  });
});
