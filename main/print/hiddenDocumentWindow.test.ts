// The hidden print window's isolation, with electron mocked: its session lets through nothing but the
// document, the document carries a no-network CSP, big documents load from a private temp file (a data:
// URL over 2 MiB is refused by Chromium), at most two windows exist at once, and a load that hangs ends.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_PRINT_HTML_BYTES, printPageRequest } from '@shared/bridge/schemas';

type BeforeRequest = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
type HeadersReceived = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

const state = vi.hoisted(() => ({
  windows: [] as Array<{ options: Electron.BrowserWindowConstructorOptions; destroy: ReturnType<typeof vi.fn>; loaded?: string; file?: string }>,
  beforeRequest: undefined as undefined | BeforeRequest,
  headersReceived: undefined as undefined | HeadersReceived,
  partitions: [] as string[],
  /** What loadURL/loadFile do; a test can make them hang. */
  load: async (_target: string) => undefined as unknown,
}));

vi.mock('electron', () => {
  const printSession = {
    webRequest: {
      onBeforeRequest: (fn: BeforeRequest) => (state.beforeRequest = fn),
      onHeadersReceived: (fn: HeadersReceived) => (state.headersReceived = fn),
    },
    setPermissionRequestHandler: vi.fn(),
  };
  return {
    session: { fromPartition: (name: string) => (state.partitions.push(name), printSession) },
    BrowserWindow: vi.fn(function (this: Record<string, unknown>, options: Electron.BrowserWindowConstructorOptions) {
      const entry: (typeof state.windows)[number] = { options, destroy: vi.fn() };
      state.windows.push(entry);
      Object.assign(this, {
        destroy: entry.destroy,
        loadURL: (url: string) => ((entry.loaded = url), state.load(url)),
        loadFile: (file: string) => {
          entry.file = file;
          entry.loaded = pathToFileURL(file).href;
          return state.load(file);
        },
      });
    }),
  };
});

const { MAX_DATA_URL_BYTES, PRINT_DOCUMENT_CSP, withDocumentWindow } = await import('./hiddenDocumentWindow');

/** The roll call as the issue measured it: ~8,000 rows of Chinese names, organisations and hosts. */
function bigChineseRollCall(rows = 8000): string {
  const row = (i: number) =>
    `<tr><td class="n">${i + 1}</td><td>张伟明</td><td>北京华夏科技发展有限公司上海分公司</td><td>138 0013 ${String(8000 + i).padStart(4, '0')}</td>` +
    `<td>市场部 李晓红（分机 3021）</td><td>三号楼二层第一会议室</td><td>09:30 签到</td><td>访客证 FDV1:01J${i}</td></tr>`;
  return `<table>${Array.from({ length: rows }, (_, i) => row(i)).join('')}</table>`;
}

beforeEach(() => {
  state.windows.length = 0;
  state.load = async () => undefined;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the print session', () => {
  it('denies every request that is not the document itself, and gives responses the no-network CSP', async () => {
    let documentUrl = '';
    await withDocumentWindow({ html: '<p>x</p>' }, async () => {
      documentUrl = state.windows.at(-1)!.loaded!;
      const answers: Array<{ url: string; cancel: boolean }> = [];
      for (const url of [documentUrl, 'https://tracker.example/p.gif', 'file:///etc/passwd', 'app://frontdesk/index.html', 'data:text/html,<p>other</p>', 'ws://127.0.0.1:8080']) {
        state.beforeRequest!({ url }, ({ cancel }) => answers.push({ url, cancel }));
      }
      expect(answers.filter((a) => !a.cancel).map((a) => a.url)).toEqual([documentUrl]);
    });
    expect(state.partitions).toContain('frontdesk-print');
    expect(state.windows.at(-1)?.options.webPreferences?.partition).toBe('frontdesk-print');
    // Once the window is gone, even its own document is refused.
    state.beforeRequest!({ url: documentUrl }, ({ cancel }) => expect(cancel).toBe(true));
    state.headersReceived!({ url: 'https://x.example/', responseHeaders: { 'Content-Type': ['text/html'] } }, ({ responseHeaders }) => {
      expect(responseHeaders?.['Content-Security-Policy']).toEqual([PRINT_DOCUMENT_CSP]);
    });
  });

  it('puts a CSP with no network and no frames first in the document', async () => {
    await withDocumentWindow({ html: '<iframe src="https://x.example"></iframe>', title: 'Badge' }, async () => undefined);
    const url = state.windows.at(-1)!.loaded!;
    const html = Buffer.from(url.split(',')[1]!, 'base64').toString('utf8');
    const meta = /^<!doctype html><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
    expect(meta, html.slice(0, 200)).not.toBeNull();
    const directives = new Map(meta![1]!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...v]) => [name, v]));
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(meta![1]).not.toMatch(/https?:|\*|'self'|unsafe-eval|script-src/);
  });
});

describe('document size', () => {
  it('loads an 8,000-row Chinese roll call (which passes validation) from a private temp file, not an over-long data: URL', async () => {
    const html = bigChineseRollCall();
    // Under the old 1,500,000-character limit, and over Chromium's 2 MiB URL cap as a data: URL.
    expect(html.length).toBeLessThan(1_500_000);
    expect(Math.ceil(Buffer.byteLength(html, 'utf8') / 3) * 4).toBeGreaterThan(MAX_DATA_URL_BYTES);
    expect(printPageRequest.safeParse({ html }).success).toBe(true);
    expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(MAX_PRINT_HTML_BYTES);
    let seen: { file?: string; contents?: string; dirMode?: number; fileMode?: number } = {};
    await withDocumentWindow({ html, title: '紧急点名' }, async () => {
      const win = state.windows.at(-1)!;
      expect(win.loaded!.length).toBeLessThan(MAX_DATA_URL_BYTES);
      seen = { file: win.file, contents: readFileSync(win.file!, 'utf8'), dirMode: statSync(path.dirname(win.file!)).mode, fileMode: statSync(win.file!).mode };
      // The request filter lets exactly that file through.
      state.beforeRequest!({ url: pathToFileURL(win.file!).href }, ({ cancel }) => expect(cancel).toBe(false));
    });
    expect(seen.file, 'a data: URL of this document would exceed Chromium\'s 2 MiB cap').toBeDefined();
    expect(seen.contents).toContain(html);
    expect(seen.contents).toContain('Content-Security-Policy');
    if (process.platform !== 'win32') {
      expect(seen.dirMode! & 0o077).toBe(0);
      expect(seen.fileMode! & 0o077).toBe(0);
    }
    expect(existsSync(path.dirname(seen.file!)), 'the temp folder is removed afterwards').toBe(false);
  });

  it('keeps small documents in a data: URL (an opaque origin) with nothing on disk', async () => {
    await withDocumentWindow({ html: '<p>张三</p>' }, async () => undefined);
    const win = state.windows.at(-1)!;
    expect(win.file).toBeUndefined();
    expect(win.loaded).toMatch(/^data:text\/html;charset=utf-8;base64,/);
  });

  it('removes the temp file when loading fails', async () => {
    state.load = async () => {
      throw new Error('ERR_FAILED');
    };
    await expect(withDocumentWindow({ html: bigChineseRollCall() }, async () => undefined)).rejects.toThrow('ERR_FAILED');
    const win = state.windows.at(-1)!;
    expect(win.destroy).toHaveBeenCalled();
    expect(win.file).toBeDefined();
    expect(existsSync(path.dirname(win.file!))).toBe(false);
  });
});

describe('print windows at once', () => {
  it('opens at most two; the third waits for one to finish, and too many waiting are refused', async () => {
    const release: Array<() => void> = [];
    const job = () => withDocumentWindow({ html: '<p>x</p>' }, () => new Promise<void>((resolve) => release.push(resolve)));
    const jobs = [job(), job(), job()];
    await vi.waitFor(() => expect(release).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(state.windows).toHaveLength(2); // the third has no window yet
    // One is waiting already; seven more fill the queue of eight, the next is refused with a clear error.
    const extra = Array.from({ length: 8 }, () => job());
    await expect(extra[7]).rejects.toThrow('too many print jobs');
    release.shift()!();
    await vi.waitFor(() => expect(state.windows).toHaveLength(3));
    // Let the rest run through.
    const drain = setInterval(() => release.shift()?.(), 1);
    await Promise.allSettled([...jobs, ...extra]);
    clearInterval(drain);
    expect(state.windows.every((w) => w.destroy.mock.calls.length === 1)).toBe(true);
  });
});

describe('a document that never loads', () => {
  it('gives up after 30 s and destroys the window', async () => {
    vi.useFakeTimers();
    state.load = () => new Promise(() => undefined); // hangs for ever
    const outcome = withDocumentWindow({ html: '<p>x</p>' }, async () => 'printed');
    const settled = outcome.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(state.windows.at(-1)?.destroy).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_500);
    expect(String(await settled)).toContain('did not load within 30 s');
    expect(state.windows.at(-1)?.destroy).toHaveBeenCalled();
  });
});
