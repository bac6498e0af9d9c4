import { describe, expect, it, vi } from 'vitest';
import { createStore } from './createStore';

describe('createStore', () => {
  it('holds a value and tells subscribers when it changes', () => {
    const store = createStore({ count: 0 });
    const listener = vi.fn();
    store.subscribe(listener);
    store.set({ count: 1 });
    expect(store.get()).toEqual({ count: 1 });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('applies an updater function to the current value', () => {
    const store = createStore(2);
    store.set((n) => n * 5);
    expect(store.get()).toBe(10);
  });

  it('does not notify when the value is the same', () => {
    const value = { a: 1 };
    const store = createStore(value);
    const listener = vi.fn();
    store.subscribe(listener);
    store.set(value);
    store.set((v) => v);
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops telling a listener once it unsubscribed, even during a notification', () => {
    const store = createStore(0);
    const second = vi.fn();
    let unsubscribeSecond = () => {};
    store.subscribe(() => unsubscribeSecond());
    unsubscribeSecond = store.subscribe(second);
    store.set(1);
    expect(second).toHaveBeenCalledTimes(1);
    store.set(2);
    expect(second).toHaveBeenCalledTimes(1);
  });
});
