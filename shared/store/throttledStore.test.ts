import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore } from './createStore';
import { throttledStore } from './throttledStore';

afterEach(() => vi.useRealTimers());

describe('throttledStore', () => {
  it('tells at once after a quiet spell, then at most once per interval, and always the last value', () => {
    vi.useFakeTimers({ now: 0 });
    const source = createStore(0);
    const view = throttledStore(source, 250);
    const told: number[] = [];
    view.subscribe(() => told.push(view.get()));
    source.set(1);
    expect(told).toEqual([1]);
    for (let n = 2; n <= 10; n += 1) {
      vi.advanceTimersByTime(20);
      source.set(n);
    }
    // Within the interval: nothing more told, and the view still shows what it told.
    expect(told).toEqual([1]);
    expect(view.get()).toBe(1);
    vi.advanceTimersByTime(250);
    expect(told).toEqual([1, 10]);
    vi.advanceTimersByTime(1000);
    expect(told).toEqual([1, 10]);
  });

  it('reads the source when the first reader comes, and stops listening when the last one goes', () => {
    vi.useFakeTimers({ now: 0 });
    const source = createStore('a');
    const view = throttledStore(source, 100);
    source.set('b');
    const listener = vi.fn();
    const stop = view.subscribe(listener);
    expect(view.get()).toBe('b');
    stop();
    source.set('c');
    vi.advanceTimersByTime(500);
    expect(listener).not.toHaveBeenCalled();
  });
});
