import { describe, expect, it } from 'vitest';
import { nextActiveIndex } from './listboxKeys';

describe('nextActiveIndex', () => {
  it('moves and wraps around', () => {
    expect(nextActiveIndex('ArrowDown', 0, 3)).toBe(1);
    expect(nextActiveIndex('ArrowDown', 2, 3)).toBe(0);
    expect(nextActiveIndex('ArrowUp', 0, 3)).toBe(2);
    expect(nextActiveIndex('ArrowUp', -1, 3)).toBe(1);
  });
  it('leaves other keys and empty lists alone', () => {
    expect(nextActiveIndex('Enter', 0, 3)).toBeUndefined();
    expect(nextActiveIndex('ArrowDown', 0, 0)).toBeUndefined();
  });
});
