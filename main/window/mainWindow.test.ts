import { describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => ({ windows: [] as Array<Record<string, unknown>> }));
vi.mock('electron', () => ({
  BrowserWindow: vi.fn(function (this: Record<string, unknown>, options: unknown) {
    const listeners = new Map<string, () => void>();
    Object.assign(this, {
      options,
      listeners,
      once: vi.fn((name: string, fn: () => void) => listeners.set(name, fn)),
      loadURL: vi.fn(async () => undefined),
      show: vi.fn(),
      focus: vi.fn(),
      restore: vi.fn(),
      isMinimized: vi.fn(() => true),
      isDestroyed: vi.fn(() => false),
    });
    created.windows.push(this);
  }),
}));

const { createMainWindow, focusWindow, mainWindowOptions } = await import('./mainWindow');

describe('main window', () => {
  it('uses the secure webPreferences and sane defaults', () => {
    const options = mainWindowOptions('/p/preload.cjs');
    expect(options).toMatchObject({ title: 'FrontDesk Console', show: false, minWidth: 1024, minHeight: 680 });
    expect(options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      preload: '/p/preload.cjs',
    });
    expect(options.webPreferences?.webSecurity).not.toBe(false);
  });

  it('loads app://frontdesk/index.html and shows only when ready', () => {
    const win = createMainWindow('/p/preload.cjs') as unknown as Record<string, ReturnType<typeof vi.fn>> & { listeners: Map<string, () => void> };
    expect(win.loadURL).toHaveBeenCalledWith('app://frontdesk/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.listeners.get('ready-to-show')?.();
    expect(win.show).toHaveBeenCalledOnce();
  });

  it('focusWindow restores a minimised window, and ignores a missing one', () => {
    const win = createMainWindow('/p/preload.cjs') as unknown as Record<string, ReturnType<typeof vi.fn>>;
    focusWindow(win as never);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    expect(() => focusWindow(null)).not.toThrow();
  });
});
