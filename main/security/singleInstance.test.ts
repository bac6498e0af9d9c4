import { describe, expect, it, vi } from 'vitest';
import { acquireSingleInstanceLock } from './singleInstance';

function fakeApp(gotLock: boolean) {
  const listeners = new Map<string, () => void>();
  return {
    listeners,
    app: {
      requestSingleInstanceLock: vi.fn(() => gotLock),
      quit: vi.fn(),
      on: vi.fn((name: string, listener: () => void) => listeners.set(name, listener)),
    },
  };
}

describe('single-instance lock', () => {
  it('the first instance keeps running and focuses its window when a second one starts', () => {
    const { app, listeners } = fakeApp(true);
    const focus = vi.fn();
    expect(acquireSingleInstanceLock(app as never, focus)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
    listeners.get('second-instance')?.();
    expect(focus).toHaveBeenCalledOnce();
  });

  it('a second instance quits at once', () => {
    const { app } = fakeApp(false);
    expect(acquireSingleInstanceLock(app as never, vi.fn())).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.on).not.toHaveBeenCalled();
  });
});
