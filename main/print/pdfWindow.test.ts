import { describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  windows: [] as Array<Record<string, unknown>>,
  printToPDF: vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.7 fake')),
  loadURL: vi.fn(async (_url: string) => undefined),
}));
vi.mock('electron', () => ({
  // The print session's request filter (hiddenDocumentWindow.test.ts checks what it does).
  session: { fromPartition: () => ({ webRequest: { onBeforeRequest: vi.fn(), onHeadersReceived: vi.fn() }, setPermissionRequestHandler: vi.fn() }) },
  BrowserWindow: vi.fn(function (this: Record<string, unknown>, options: unknown) {
    Object.assign(this, { options, loadURL: state.loadURL, destroy: vi.fn(), webContents: { printToPDF: state.printToPDF } });
    state.windows.push(this);
  }),
}));

const { htmlDataUrl, printWindowOptions, renderPdfInHiddenWindow } = await import('./pdfWindow');

describe('PDF rendering window', () => {
  it('is hidden, sandboxed, without JavaScript, preload or the app session', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false });
    expect(options.webPreferences?.preload).toBeUndefined();
    expect(options.webPreferences?.partition).not.toMatch(/^persist:/);
  });

  it('loads the HTML as a data: URL (opaque origin) with an escaped title', () => {
    const url = htmlDataUrl({ html: '<p>张三</p>', title: '</title><script>x()</script>' });
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    const decoded = Buffer.from(url.split(',')[1]!, 'base64').toString('utf8');
    expect(decoded).toContain('<p>张三</p>');
    expect(decoded).not.toContain('<script>');
  });

  it('prints with the requested page size and destroys the window', async () => {
    const bytes = await renderPdfInHiddenWindow({ html: '<p>x</p>', pageSize: 'A5', landscape: true });
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
    expect(state.printToPDF).toHaveBeenCalledWith({ pageSize: 'A5', landscape: true, printBackground: true });
    expect(state.windows.at(-1)?.destroy).toHaveBeenCalled();
  });

  it('destroys the window when loading fails', async () => {
    state.loadURL.mockRejectedValueOnce(new Error('ERR_INVALID_URL'));
    await expect(renderPdfInHiddenWindow({ html: '<p>x</p>' })).rejects.toThrow('ERR_INVALID_URL');
    expect(state.windows.at(-1)?.destroy).toHaveBeenCalled();
  });
});
