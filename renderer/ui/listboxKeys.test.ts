import { describe, expect, it } from 'vitest';
import { nextActiveIndex } from './listboxKeys';

describe('nextActiveIndex', () => {
  it('moves and wraps around', () => {
    expect(nextActiveIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextActiveIndex('ArrowDown', 2, 3)).toBe(0);
    expect(nextActiveIndex('ArrowUp', 0, 3)).toBe(2);
    expect(nextActiveIndex('ArrowUp', 2, 3)).toBe(1);
  });
  it('with nothing highlighted, ↓ picks the first row and ↑ the last', () => {
    expect(nextActiveIndex('ArrowDown', -1, 3)).toBe(0);
    expect(nextActiveIndex('ArrowUp', -1, 3)).toBe(2);
    expect(nextActiveIndex('ArrowUp', -1, 1)).toBe(0);
  });
  it('treats a highlight beyond a list that shrank as nothing highlighted', () => {
    expect(nextActiveIndex('ArrowDown', 5, 3)).toBe(0);
    expect(nextActiveIndex('ArrowUp', 5, 3)).toBe(2);
  });
  it('leaves other keys and empty lists alone', () => {
    expect(nextActiveIndex('Enter', 0, 3)).toBeUndefined();
    expect(nextActiveIndex('ArrowDown', 0, 0)).toBeUndefined();
  });
});
