// The switchboard records' settings, driven through the form: what is saved is stored (audited, through
// the write path), bad input is refused with a message and leaves the stored values alone, and the
// features that read the settings follow: the dashboard's "within N s" tile, the call-note categories and
// the caller key of a local landline.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { initI18n } from '../../i18n';
import { notifications } from '../../ui/notifications/notificationStore';
import { ANSWER_TARGET_SETTING, AREA_CODE_SETTING, DatabaseProvider, NOTE_CATEGORIES_SETTING, SettingsRepository, noteCategories, repositoriesOf, type FrontDeskDatabase } from '../../db';
import { newId } from '../../db/ids';
import { freshDatabase } from '../../test/testDatabase';
import { DashboardScreen } from '../dashboard';
import { dashboardLocales } from '../dashboard/locales';
import { callNotesLocales } from '../callnotes/locales';
import { equipmentLocales } from '../equipment/locales';
import { rollcallLocales } from '../rollcall/locales';
import { settingsLocales } from './locales';
import { SwitchboardRecordsSettings, normaliseAreaCode } from './SwitchboardRecordsSettings';

let i18n: I18n;
let db: FrontDeskDatabase;

beforeEach(async () => {
  i18n ??= await initI18n('en', { settings: settingsLocales, callnotes: callNotesLocales, dashboard: dashboardLocales, equipment: equipmentLocales, rollcall: rollcallLocales });
  ({ db } = await freshDatabase());
  notifications.clear();
});

afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
  db.close();
});

function renderWith(children: React.ReactNode) {
  return render(
    <I18nextProvider i18n={i18n}>
      <DatabaseProvider db={db}>{children}</DatabaseProvider>
    </I18nextProvider>,
  );
}

const en = settingsLocales.en.records;
const messages = () => notifications.snapshot().map((n) => n.message);

/** An inbound call today, answered after `ringMs`. */
async function seedAnswered(ringMs: number, remoteNumber = '13800138000') {
  const startedAt = Date.now() - 60_000;
  const id = newId(startedAt);
  await repositoriesOf(db).calls.saveFromEvents(id, {
    direction: 'inbound', remoteNumber, remoteNumberDigits: remoteNumber.replace(/\D/g, ''), startedAt,
    answeredAt: startedAt + ringMs, ringMs, endedAt: startedAt + ringMs + 30_000, disposition: 'answered',
  });
  return id;
}

describe('normaliseAreaCode', () => {
  it('accepts area codes with or without the trunk 0 and refuses anything else', () => {
    expect(normaliseAreaCode('0755')).toBe('0755');
    expect(normaliseAreaCode('755')).toBe('0755');
    expect(normaliseAreaCode(' 0 10 ')).toBe('010');
    expect(normaliseAreaCode('')).toBeUndefined();
    expect(normaliseAreaCode('12345')).toBeNull();
    expect(normaliseAreaCode('0')).toBeNull();
    expect(normaliseAreaCode('abc')).toBeNull();
  });
});

describe('SwitchboardRecordsSettings', { timeout: 60_000 }, () => {
  it('changes the answer-time target through the form and the dashboard counts by it', async () => {
    const user = userEvent.setup({ delay: null });
    await seedAnswered(25_000);
    renderWith(<><SwitchboardRecordsSettings /><DashboardScreen /></>);

    const tile = await screen.findByRole('link', { name: /Answered within three rings/ });
    // 25 s is over the default 18 s: none of today's answered calls is within the target.
    expect(tile).toHaveTextContent('0%');
    expect(tile).toHaveTextContent('within 18 s');

    const target = screen.getByRole('textbox', { name: en.answerTarget });
    await waitFor(() => expect(target).toHaveValue('18'));
    await user.clear(target);
    await user.type(target, '30');
    await user.click(screen.getByRole('button', { name: en.save }));
    await waitFor(() => expect(messages()).toContain(en.saved));

    expect(await repositoriesOf(db).settings.getValue(ANSWER_TARGET_SETTING)).toBe(30_000);
    // The dashboard that stayed open follows at once (a live query on the setting): no reopen, no clock tick.
    await waitFor(() => expect(screen.getByRole('link', { name: /Answered within three rings/ })).toHaveTextContent('within 30 s'));
    expect(screen.getByRole('link', { name: /Answered within three rings/ })).toHaveTextContent('100%');
  });

  it('edits the call-note categories: a removed built-in and an added one are what call notes offer', async () => {
    const user = userEvent.setup({ delay: null });
    renderWith(<SwitchboardRecordsSettings />);
    const list = await screen.findByRole('list', { name: en.categories });
    const sales = callNotesLocales.en.categories.sales;
    await waitFor(() => expect(within(list).getByText(sales)).toBeInTheDocument());

    await user.click(screen.getByRole('button', { name: en.remove.replace('{{name}}', sales) }));
    await user.type(screen.getByRole('textbox', { name: en.newCategory }), 'Press enquiry{Enter}');
    expect(within(list).getByText('Press enquiry')).toBeInTheDocument();
    expect(within(list).queryByText(sales)).not.toBeInTheDocument();

    // A duplicate (by its shown name) is refused with a message and not added.
    await user.type(screen.getByRole('textbox', { name: en.newCategory }), `${callNotesLocales.en.categories.other}{Enter}`);
    expect(screen.getByText(en.errors.categoryDuplicate.replace('{{name}}', callNotesLocales.en.categories.other))).toBeInTheDocument();
    expect(within(list).getAllByText(callNotesLocales.en.categories.other)).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: en.save }));
    await waitFor(() => expect(messages()).toContain(en.saved));
    const stored = await noteCategories(db);
    expect(stored).toContain('Press enquiry');
    expect(stored).not.toContain('sales');
    expect(stored).toContain('other');
    expect(await repositoriesOf(db).settings.getValue(NOTE_CATEGORIES_SETTING)).toEqual(stored);
    expect(await db.auditLog.filter((e) => e.summary.includes(NOTE_CATEGORIES_SETTING)).count()).toBe(1);
  });

  it("sets the desk's area code: a local landline written without it is the same caller", async () => {
    const user = userEvent.setup({ delay: null });
    renderWith(<SwitchboardRecordsSettings />);
    const area = screen.getByRole('textbox', { name: en.areaCode });
    await waitFor(() => expect(area).toBeEnabled());
    await user.type(area, '755');
    await user.click(screen.getByRole('button', { name: en.save }));
    await waitFor(() => expect(messages()).toContain(en.saved));
    expect(area).toHaveValue('0755');
    expect(await repositoriesOf(db).settings.getValue(AREA_CODE_SETTING)).toBe('0755');

    const repos = repositoriesOf(db);
    const callId = await seedAnswered(3000, '88886666');
    const note = await repos.callNotes.saveForCall(callId, { phone: '8888 6666', callerName: 'Chen' });
    expect((await repos.callNotes.forNumber('+86 755 8888 6666'))[0]?.id).toBe(note.id);
  });

  it('saves the three settings together: when one fails, none is changed and the desk is told', async () => {
    const user = userEvent.setup({ delay: null });
    await repositoriesOf(db).settings.setValue(AREA_CODE_SETTING, '010');
    const audits = await db.auditLog.count();
    // The third write (the answer-time target) fails after the area code and the categories were written.
    const setValue = SettingsRepository.prototype.setValue;
    vi.spyOn(SettingsRepository.prototype, 'setValue').mockImplementation(function (this: SettingsRepository, key, value, scope) {
      if (key === ANSWER_TARGET_SETTING) return Promise.reject(new Error('disk full'));
      return setValue.call(this, key, value, scope);
    });
    renderWith(<SwitchboardRecordsSettings />);
    const area = screen.getByRole('textbox', { name: en.areaCode });
    await waitFor(() => expect(area).toHaveValue('010'));
    await user.clear(area);
    await user.type(area, '021');
    await user.type(screen.getByRole('textbox', { name: en.newCategory }), 'Press enquiry{Enter}');
    const target = screen.getByRole('textbox', { name: en.answerTarget });
    await user.clear(target);
    await user.type(target, '30');
    await user.click(screen.getByRole('button', { name: en.save }));

    await waitFor(() => expect(messages()).toContain(en.errors.failed.replace('{{message}}', 'disk full')));
    expect(messages()).not.toContain(en.saved);
    vi.restoreAllMocks();
    const settings = repositoriesOf(db).settings;
    expect(await settings.getValue(AREA_CODE_SETTING)).toBe('010');
    expect(await settings.getValue(NOTE_CATEGORIES_SETTING)).toBeUndefined();
    expect(await settings.getValue(ANSWER_TARGET_SETTING)).toBeUndefined();
    expect(await db.auditLog.count()).toBe(audits);
    // What was typed stays in the form, to save again.
    expect(area).toHaveValue('021');
    expect(within(screen.getByRole('list', { name: en.categories })).getByText('Press enquiry')).toBeInTheDocument();
  });

  it('refuses a bad area code and target with a message and leaves the stored values alone', async () => {
    const user = userEvent.setup({ delay: null });
    await repositoriesOf(db).settings.setValue(AREA_CODE_SETTING, '010');
    renderWith(<SwitchboardRecordsSettings />);
    const area = screen.getByRole('textbox', { name: en.areaCode });
    await waitFor(() => expect(area).toHaveValue('010'));
    await user.clear(area);
    await user.type(area, '12345');
    const target = screen.getByRole('textbox', { name: en.answerTarget });
    await user.clear(target);
    await user.type(target, '500');
    await user.click(screen.getByRole('button', { name: en.save }));

    await waitFor(() => expect(messages()).toContain(en.errors.invalid.replace('{{message}}', en.errors.areaCode)));
    expect(area).toHaveAccessibleDescription(en.errors.areaCode);
    expect(target).toHaveAccessibleDescription(en.errors.answerTarget);
    expect(await repositoriesOf(db).settings.getValue(AREA_CODE_SETTING)).toBe('010');
    expect(await repositoriesOf(db).settings.getValue(ANSWER_TARGET_SETTING)).toBeUndefined();
  });
});
