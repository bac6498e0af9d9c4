// The Backups tab as the desktop app shows it (the e2e run only has the browser build, where backups are
// unsupported): folder, schedule with its limits, "Back up now", and a failure said in the desk's language.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { fail, ok } from '@shared/bridge/result';
import type { BackupStatus } from '@shared/bridge/schemas';
import { initI18n } from '../../i18n';
import { createBrowserBridge, resetBridgeForTests, type FrontDeskBridge } from '../../platform';
import { notifications } from '../../ui/notifications/notificationStore';
import { BackupPanel } from './BackupPanel';
import { archiveLocales } from './locales';

let i18n: I18n;
let status: BackupStatus;

const backup = {
  status: vi.fn(async () => ok(status)),
  list: vi.fn(async () => ok({ files: [] })),
  chooseFolder: vi.fn(async () => {
    status = { ...status, folder: '/media/usb/frontdesk', due: true, dueAt: 0 };
    return ok({ folder: '/media/usb/frontdesk' });
  }),
  setSchedule: vi.fn(async ({ everyHours, keep }: { everyHours: number; keep: number }) => {
    status = { ...status, everyHours, keep };
    return ok(status);
  }),
  // main answers a full disk at begin (the temp file cannot be created) and records it
  begin: vi.fn(async () => {
    status = { ...status, due: false, dueAt: 600_000, lastAttempt: { at: Date.now(), ok: false, reason: 'diskFull', message: 'ENOSPC: no space left on device' } };
    return fail('io-error', 'cannot write a backup in /media/usb/frontdesk: ENOSPC: no space left on device');
  }),
  finish: vi.fn(),
  recordFailure: vi.fn(),
};

beforeAll(async () => {
  i18n = await initI18n('en', { archive: archiveLocales });
  status = { supported: true, folder: null, everyHours: 24, keep: 14, lastSuccessAt: null, lastAttempt: null, due: false, dueAt: null, running: false };
  resetBridgeForTests({ ...createBrowserBridge(), backup } as unknown as FrontDeskBridge);
});
afterEach(cleanup);

describe('Backups tab (desktop)', { timeout: 60_000 }, () => {
  it('chooses a folder, checks the schedule limits, and shows a failed backup in words', async () => {
    const user = userEvent.setup({ delay: null });
    render(
      <I18nextProvider i18n={i18n}>
        <BackupPanel />
      </I18nextProvider>,
    );
    const runNow = await screen.findByRole('button', { name: 'Back up now' });
    expect(runNow).toBeDisabled();
    expect(screen.getByTestId('backup-folder')).toHaveTextContent('No folder chosen yet');

    await user.click(screen.getByRole('button', { name: 'Choose folder…' }));
    await waitFor(() => expect(screen.getByTestId('backup-folder')).toHaveTextContent('/media/usb/frontdesk'));
    expect(screen.getByRole('button', { name: 'Back up now' })).toBeEnabled();

    const every = screen.getByRole('textbox', { name: 'Every (hours)' });
    const keep = screen.getByRole('textbox', { name: 'Keep the last (backups)' });
    await user.clear(every);
    await user.type(every, '0');
    expect(screen.getByText('Enter an interval of 1–168 hours and keep 1–365 backups.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save schedule' })).toBeDisabled();
    await user.clear(every);
    await user.type(every, '6');
    await user.clear(keep);
    await user.type(keep, '3');
    await user.click(screen.getByRole('button', { name: 'Save schedule' }));
    expect(backup.setSchedule).toHaveBeenCalledWith({ everyHours: 6, keep: 3 });
    expect(await screen.findByText('Backup schedule saved.')).toBeInTheDocument();

    notifications.clear();
    await user.click(screen.getByRole('button', { name: 'Back up now' }));
    const alert = await screen.findByText(/The last backup failed .*: the disk is full/);
    expect(alert.closest('[role="alert"]')).not.toBeNull();
    expect(notifications.snapshot().map((n) => [n.severity, n.message])).toEqual([['error', 'Backup failed: the disk is full. It will be tried again shortly.']]);
    expect(backup.begin).toHaveBeenCalledTimes(1);
  });
});
