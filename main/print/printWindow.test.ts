import { describe, expect, it, vi } from 'vitest';

type PrintCallback = (success: boolean, failureReason: string) => void;

const state = vi.hoisted(() => ({
  windows: [] as Array<Record<string, unknown>>,
  answer: { success: true, reason: '' },
  print: vi.fn(),
  loadURL: vi.fn(async (_url: string) => undefined),
}));
vi.mock('electron', () => ({
  // The print session's request filter (hiddenDocumentWindow.test.ts checks what it does).
  session: { fromPartition: () => ({ webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn() }) },
  BrowserWindow: vi.fn(function (this: Record<string, unknown>, options: unknown) {
    state.print.mockImplementation((_options: unknown, callback: PrintCallback) => callback(state.answer.success, state.answer.reason));
    Object.assign(this, { options, loadURL: state.loadURL, destroy: vi.fn(), webContents: { print: state.print } });
    state.windows.push(this);
  }),
}));

const { electronPageSize, printInHiddenWindow, printOptions } = await import('./printWindow');

describe('printer window', () => {
  it('uses the same isolated window as the PDF renderer (hidden, sandboxed, no JavaScript)', async () => {
    await printInHiddenWindow({ html: '<p>x</p>' });
    const options = state.windows.at(-1)?.options as Electron.BrowserWindowConstructorOptions;
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ sandbox: true, javascript: false, nodeIntegration: false });
    expect(String(state.loadURL.mock.calls.at(-1)?.[0])).toMatch(/^data:text\/html;charset=utf-8;base64,/);
  });

  it('maps ID-1 to microns and defaults to A4 with the system dialog', () => {
    expect(electronPageSize('ID1')).toEqual({ width: 85_600, height: 53_980 });
    expect(electronPageSize(undefined)).toBe('A4');
    expect(printOptions({ html: 'x' })).toMatchObject({ silent: false, landscape: false, pageSize: 'A4', printBackground: true });
    expect(printOptions({ html: 'x', pageSize: 'A6', silent: true, landscape: true })).toMatchObject({ silent: true, landscape: true, pageSize: 'A6' });
  });

  it('answers printed, cancelled or failed from the print callback, and destroys the window each time', async () => {
    state.answer = { success: true, reason: '' };
    expect(await printInHiddenWindow({ html: '<p>x</p>', silent: true })).toEqual({ outcome: 'printed' });
    expect(state.windows.at(-1)?.destroy).toHaveBeenCalled();
    state.answer = { success: false, reason: 'cancelled' };
    expect(await printInHiddenWindow({ html: '<p>x</p>' })).toEqual({ outcome: 'cancelled' });
    expect(state.windows.at(-1)?.destroy).toHaveBeenCalled();
    state.answer = { success: false, reason: 'Printer is offline' };
    expect(await printInHiddenWindow({ html: '<p>x</p>' })).toEqual({ outcome: 'failed', reason: 'Printer is offline' });
    expect(state.windows.at(-1)?.destroy).toHaveBeenCalled();
  });

  it('destroys the window when loading fails', async () => {
    state.loadURL.mockRejectedValueOnce(new Error('ERR_INVALID_URL'));
    await expect(printInHiddenWindow({ html: '<p>x</p>' })).rejects.toThrow('ERR_INVALID_URL');
    expect(state.windows.at(-1)?.destroy).toHaveBeenCalled();
  });
});
