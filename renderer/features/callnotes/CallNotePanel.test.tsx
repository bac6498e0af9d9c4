// The call note's autosave, driven through the panel (issue 10: "autosaves on every change; nothing typed
// is lost if the call drops, the app reloads or the window closes"), at a cost per keystroke the desk can
// afford while talking: every keystroke is in the local draft at once, the database write is coalesced
// (one save for a burst of typing), and leaving the note, the page hiding or the call hanging up writes it
// at once. The switchboard's list of calls without a note follows a note written without re-reading the
// calls.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { initI18n } from '../../i18n';
import { DatabaseProvider, repositoriesOf, type FrontDeskDatabase } from '../../db';
import { newId } from '../../db/ids';
import type { LineView } from '../../phone/phoneTypes';
import { ShortcutProvider } from '../../ui/shortcuts/ShortcutProvider';
import { freshDatabase } from '../../test/testDatabase';
import { messagesLocales } from '../messages/locales';
import { signinLocales } from '../signin/locales';
import { CallNotePanel } from './CallNotePanel';
import { CallsWithoutNote } from './CallsWithoutNote';
import { callNotesLocales } from './locales';
import { readDraft } from './noteDraft';
import { noteSession } from './noteSession';
import { SwitchboardNotes } from './SwitchboardNotes';
import { AUTOSAVE_DELAY_MS, AUTOSAVE_MAX_WAIT_MS, autosaveTiming } from './useCallNoteAutosave';

let i18n: I18n;
let db: FrontDeskDatabase;
const en = callNotesLocales.en;

beforeEach(async () => {
  i18n ??= await initI18n('en', { callnotes: callNotesLocales, messages: messagesLocales, signin: signinLocales });
  ({ db } = await freshDatabase());
  localStorage.clear();
});

afterEach(() => {
  cleanup();
  noteSession.close();
  autosaveTiming.delayMs = AUTOSAVE_DELAY_MS;
  autosaveTiming.maxWaitMs = AUTOSAVE_MAX_WAIT_MS;
  vi.restoreAllMocks();
  db.close();
});

function renderWith(children: React.ReactNode) {
  return render(
    <I18nextProvider i18n={i18n}>
      <DatabaseProvider db={db}>
        <ShortcutProvider>{children}</ShortcutProvider>
      </DatabaseProvider>
    </I18nextProvider>,
  );
}

/** An answered inbound call today that has ended. */
async function storeCall(remoteNumber = '13800138000', minutesAgo = 5) {
  const startedAt = Date.now() - minutesAgo * 60_000;
  const id = newId(startedAt);
  await repositoriesOf(db).calls.saveFromEvents(id, {
    direction: 'inbound', remoteNumber, remoteNumberDigits: remoteNumber, startedAt,
    answeredAt: startedAt + 4000, ringMs: 4000, endedAt: startedAt + 60_000, talkMs: 56_000, disposition: 'answered',
  });
  return id;
}

const saveState = () => screen.getByTestId('note-save-state');
const noteAudits = (callId: string) => db.auditLog.filter((e) => e.entityTable === 'callNotes' && e.summary.includes(callId)).count();

/** Makes the pause long, so only a flush (not the pause) can write the note while the test looks. */
function onlyFlushesSave() {
  autosaveTiming.delayMs = 10 * 60_000;
  autosaveTiming.maxWaitMs = 10 * 60_000;
}

async function typeReason(callId: string, text: string) {
  const user = userEvent.setup({ delay: null });
  // The fields are disabled until the note is read, then mount with its text.
  await waitFor(() => expect(screen.getByRole('textbox', { name: en.fields.reason })).toBeEnabled());
  const reason = screen.getByRole('textbox', { name: en.fields.reason });
  await user.type(reason, text);
  expect(reason).toHaveValue(text);
  // What was typed reaches the local draft within moments: what survives a reload or a closed window.
  await waitFor(() => expect(readDraft(callId)?.fields.reason).toBe(text));
  return { user, reason };
}

describe('call note autosave', { timeout: 60_000 }, () => {
  it('coalesces a burst of typing into one save through the write path', async () => {
    const callId = await storeCall();
    renderWith(<CallNotePanel open={{ callId, number: '13800138000' }} />);
    const text = 'Wants to book the meeting room';
    await typeReason(callId, text);
    expect(saveState()).toHaveAttribute('data-state', 'pending');

    await waitFor(() => expect(saveState()).toHaveAttribute('data-state', 'saved'));
    expect((await repositoriesOf(db).callNotes.forCall(callId))?.reason).toBe(text);
    // Not one write per keystroke: the burst was written once (or, on a very slow machine, a few times).
    expect(await noteAudits(callId)).toBeLessThan(text.length / 4);
    // Once stored, the draft is gone.
    expect(readDraft(callId)).toBeUndefined();
  });

  it('writes at once when the focus leaves the note', async () => {
    onlyFlushesSave();
    const callId = await storeCall();
    renderWith(
      <>
        <CallNotePanel open={{ callId, number: '13800138000' }} />
        <button type="button">Elsewhere</button>
      </>,
    );
    const { user } = await typeReason(callId, 'Parcel for Li Na');
    // Within the note the focus moves on without a write.
    await user.click(screen.getByRole('textbox', { name: en.fields.company }));
    expect(saveState()).toHaveAttribute('data-state', 'pending');

    await user.click(screen.getByRole('button', { name: 'Elsewhere' }));
    await waitFor(() => expect(saveState()).toHaveAttribute('data-state', 'saved'));
    expect((await repositoriesOf(db).callNotes.forCall(callId))?.reason).toBe('Parcel for Li Na');
  });

  it('writes at once when the page hides or is about to unload', async () => {
    onlyFlushesSave();
    const callId = await storeCall();
    renderWith(<CallNotePanel open={{ callId, number: '13800138000' }} />);
    const { user, reason } = await typeReason(callId, 'Call back at 3');
    act(() => {
      window.dispatchEvent(new Event('pagehide'));
    });
    await waitFor(() => expect(saveState()).toHaveAttribute('data-state', 'saved'));
    expect((await repositoriesOf(db).callNotes.forCall(callId))?.reason).toBe('Call back at 3');

    await user.type(reason, ' tomorrow');
    expect(saveState()).toHaveAttribute('data-state', 'pending');
    act(() => {
      window.dispatchEvent(new Event('beforeunload'));
    });
    await waitFor(() => expect(saveState()).toHaveAttribute('data-state', 'saved'));
    expect((await repositoriesOf(db).callNotes.forCall(callId))?.reason).toBe('Call back at 3 tomorrow');
  });

  it('writes at once when the call hangs up', async () => {
    onlyFlushesSave();
    const callId = newId(Date.now());
    const line = (state: LineView['state']): LineView => ({
      id: callId, lineNo: 1, direction: 'inbound', remoteUser: '13800138000', state, muted: false, holdPending: false, ringStartedAt: Date.now() - 10_000, sipCallId: 'sip-1',
    });
    const view = renderWith(<SwitchboardNotes lines={[line('active')]} selected={undefined} />);
    // The note opened with the answered call.
    await typeReason(callId, 'Asks for the fax number');
    expect(await repositoriesOf(db).callNotes.forCall(callId)).toBeUndefined();

    view.rerender(
      <I18nextProvider i18n={i18n}>
        <DatabaseProvider db={db}>
          <ShortcutProvider>
            <SwitchboardNotes lines={[line('ended')]} selected={undefined} />
          </ShortcutProvider>
        </DatabaseProvider>
      </I18nextProvider>,
    );
    await waitFor(() => expect(saveState()).toHaveAttribute('data-state', 'saved'));
    expect((await repositoriesOf(db).callNotes.forCall(callId))?.reason).toBe('Asks for the fax number');
    // Still open after hang-up, to go on writing.
    expect(screen.getByRole('textbox', { name: en.fields.reason })).toBeEnabled();
  });

  it('puts the last keystrokes in the local draft synchronously when the page unloads', async () => {
    onlyFlushesSave();
    const callId = await storeCall();
    renderWith(<CallNotePanel open={{ callId, number: '13800138000' }} />);
    const { user, reason } = await typeReason(callId, 'Meeting at 4');
    await user.type(reason, ' pm');
    act(() => {
      window.dispatchEvent(new Event('beforeunload'));
    });
    // Read straight after the event, before anything asynchronous ran: the page may be gone next.
    expect(readDraft(callId)?.fields.reason).toBe('Meeting at 4 pm');
  });

  it('reopens with what was typed when the page went away before the write (a reload)', async () => {
    onlyFlushesSave();
    const callId = await storeCall();
    // The write never lands (the page is gone): the database refuses it, the draft stays.
    vi.spyOn(repositoriesOf(db).callNotes, 'saveForCall').mockRejectedValue(new Error('page unloading'));
    renderWith(<CallNotePanel open={{ callId, number: '13800138000' }} />);
    await typeReason(callId, 'Urgent: the lift is stuck');
    cleanup();
    vi.restoreAllMocks();
    expect(await repositoriesOf(db).callNotes.forCall(callId)).toBeUndefined();

    // The reloaded page: the draft is newer than any stored note, so it is shown and saved.
    renderWith(<CallNotePanel open={{ callId, number: '13800138000' }} />);
    await waitFor(() => expect(screen.getByRole('textbox', { name: en.fields.reason })).toHaveValue('Urgent: the lift is stuck'));
    await waitFor(() => expect(saveState()).toHaveAttribute('data-state', 'saved'));
    expect((await repositoriesOf(db).callNotes.forCall(callId))?.reason).toBe('Urgent: the lift is stuck');
  });

  it('fills name and company from an earlier note of the number', async () => {
    const earlier = await storeCall('13800138000', 90);
    await repositoriesOf(db).callNotes.saveForCall(earlier, { phone: '13800138000', callerName: 'Zhang San', company: 'Huaxing Tech', reason: 'Booked a room' });
    const callId = await storeCall('+86 138 0013 8000', 2);
    renderWith(<CallNotePanel open={{ callId, number: '+86 138 0013 8000' }} />);
    const user = userEvent.setup({ delay: null });
    await user.click(await screen.findByRole('button', { name: en.suggestions.use.replace('{{label}}', 'Zhang San · Huaxing Tech') }));
    expect(screen.getByRole('textbox', { name: en.fields.callerName })).toHaveValue('Zhang San');
    expect(screen.getByRole('textbox', { name: en.fields.company })).toHaveValue('Huaxing Tech');
    // Used: the suggestion is no longer offered.
    expect(screen.queryByRole('group', { name: en.suggestions.label })).not.toBeInTheDocument();
    await waitFor(() => expect(saveState()).toHaveAttribute('data-state', 'saved'));
    expect(await repositoriesOf(db).callNotes.forCall(callId)).toMatchObject({ callerName: 'Zhang San', company: 'Huaxing Tech' });
  });
});

describe('calls without a note', { timeout: 60_000 }, () => {
  it('drops a call once its note is written, without re-reading the calls', async () => {
    const first = await storeCall('13800138000', 30);
    const second = await storeCall('13900139000', 20);
    const reads = vi.spyOn(db.calls, 'where');
    renderWith(<CallsWithoutNote />);
    const list = await screen.findByRole('list', { name: en.missing.title });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(2));
    const callReads = reads.mock.calls.length;

    await repositoriesOf(db).callNotes.saveForCall(first, { reason: 'Wrong number' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(list.querySelector(`[data-call-id="${second}"]`)).not.toBeNull();
    // The note's write woke only the read of the notes: today's calls were not read again.
    expect(reads.mock.calls.length).toBe(callReads);

    // A new call record still shows (the calls' own live query).
    const third = await storeCall('13700137000', 1);
    await waitFor(() => expect(list.querySelector(`[data-call-id="${third}"]`)).not.toBeNull());
  });
});
