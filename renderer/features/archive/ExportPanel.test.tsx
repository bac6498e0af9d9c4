// The Export tab with a desktop-like bridge (files saved through main, PDF through print.toPdf): a single-log
// export whose save dialog is dismissed writes nothing, records nothing and says so; a bundle asked for the
// weekly volumes holds their PDFs, lists them in its manifest and records each volume with its SHA-256.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { strFromU8, unzipSync } from 'fflate';
import { fail, ok } from '@shared/bridge/result';
import { initI18n } from '../../i18n';
import { DatabaseProvider, type FrontDeskDatabase } from '../../db';
import { createBrowserBridge, resetBridgeForTests, type FrontDeskBridge } from '../../platform';
import { freshDatabase } from '../../test/testDatabase';
import { addCall } from '../../test/visitFixtures';
import { callNotesLocales } from '../callnotes/locales';
import { ExportPanel } from './ExportPanel';
import { archiveLocales } from './locales';

let i18n: I18n;
let db: FrontDeskDatabase;
let written: Uint8Array[];
let dismissDialog: boolean;
const pdfBytes = new TextEncoder().encode('%PDF-1.7 weekly volume');

function bridge(): FrontDeskBridge {
  const browser = createBrowserBridge();
  return {
    ...browser,
    app: { ...browser.app, info: async () => ok({ appVersion: '9.9.9', platform: 'linux', electron: '0', chrome: '0', capabilities: { pdf: true, secureSecrets: true, fileSave: true, print: true } } as never) },
    files: {
      beginExport: vi.fn(async () => (dismissDialog ? fail('cancelled', 'the save dialog was dismissed') : ok({ exportId: 'e1' }))),
      writeChunk: vi.fn(async ({ bytes }: { bytes: Uint8Array }) => {
        written.push(new Uint8Array(bytes));
        return ok({ bytesWritten: written.reduce((n, b) => n + b.byteLength, 0) });
      }),
      finishExport: vi.fn(async () => ok({ saved: 'file' as const, path: '/archive/bundle.zip', bytesWritten: written.reduce((n, b) => n + b.byteLength, 0) })),
      abortExport: vi.fn(async () => ok({ aborted: true })),
    },
    print: { ...browser.print, toPdf: vi.fn(async () => ok({ bytes: pdfBytes })) },
  } as unknown as FrontDeskBridge;
}

beforeEach(async () => {
  i18n = await initI18n('en', { archive: archiveLocales, callnotes: callNotesLocales });
  ({ db } = await freshDatabase());
  written = [];
  dismissDialog = false;
  resetBridgeForTests(bridge());
});
afterEach(() => {
  cleanup();
  db.close();
  resetBridgeForTests();
});

function renderPanel() {
  return render(
    <I18nextProvider i18n={i18n}>
      <DatabaseProvider db={db}>
        <ExportPanel />
      </DatabaseProvider>
    </I18nextProvider>,
  );
}

describe('Export tab', { timeout: 60_000 }, () => {
  it('a single-log export cancelled at the save dialog writes nothing, records nothing and says so', async () => {
    await addCall(db, { startedAt: Date.UTC(2026, 10, 2, 9), disposition: 'answered' });
    dismissDialog = true;
    const user = userEvent.setup({ delay: null });
    renderPanel();
    await user.click(screen.getByRole('button', { name: 'Export the log' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Export cancelled; no file was left behind.');
    expect(written).toEqual([]);
    expect((await db.auditLog.toArray()).filter((e) => e.action === 'export')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Export the log' })).toBeEnabled();
  });

  it('a bundle with the weekly volumes holds one PDF per week of calls, listed with its SHA-256, each recorded', async () => {
    await addCall(db, { startedAt: new Date(2026, 10, 3, 9).getTime(), disposition: 'answered', answeredAt: new Date(2026, 10, 3, 9).getTime() + 3000, ringMs: 3000 });
    await addCall(db, { startedAt: new Date(2026, 10, 12, 9).getTime(), disposition: 'missed' });
    const user = userEvent.setup({ delay: null });
    renderPanel();
    const withVolumes = screen.getByRole('checkbox', { name: 'Also write the weekly phone-record volumes (PDF) of the date range' });
    await vi.waitFor(() => expect(withVolumes).toBeEnabled());
    await user.click(withVolumes);
    await user.click(screen.getByRole('button', { name: 'Export bundle' }));
    expect(await screen.findByText('Bundle saved: /archive/bundle.zip', { selector: '[role="status"], [role="status"] *' })).toBeInTheDocument();

    const zip = new Uint8Array(written.reduce((n, b) => n + b.byteLength, 0));
    written.reduce((offset, b) => (zip.set(b, offset), offset + b.byteLength), 0);
    const files = unzipSync(zip);
    const manifest = JSON.parse(strFromU8(files['manifest.json']!)) as { files: { path: string; kind: string; sha256: string; rows: number }[] };
    const volumes = manifest.files.filter((f) => f.kind === 'pdf');
    expect(volumes.map((f) => f.path)).toEqual(['volumes/2026-W45.pdf', 'volumes/2026-W46.pdf']);
    for (const f of volumes) {
      expect(strFromU8(files[f.path]!)).toBe(strFromU8(pdfBytes));
      expect(f.sha256).toBe(bytesToHex(sha256(pdfBytes)));
    }
    const records = await db.weeklyVolumes.toArray();
    expect(records.map((r) => [r.week, r.output, r.sha256, r.calls]).sort()).toEqual([
      ['2026-W45', 'bundle', bytesToHex(sha256(pdfBytes)), 1],
      ['2026-W46', 'bundle', bytesToHex(sha256(pdfBytes)), 1],
    ]);
  });
});
