// The switchboard does not re-render every second (issue 8): a clock tick re-renders only the timers
// that show a running duration, never the screen, the line cards or today's calls — the ringing line
// and the pop-up must not wait behind them. Commits are counted with React's Profiler, renders of the
// today's-calls table and of the line cards through the MUI parts only they use (Table, Chip).
import { Profiler, createElement, type ComponentProps } from 'react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { applyCallEvent, startCall } from '@shared/calls/callMachine';
import { createStore } from '@shared/store/createStore';
import { initI18n } from '../../i18n';
import { getDatabase, resetDatabaseForTests } from '../../db';
import { CallRecordWriter } from '../../phone/callRecordWriter';
import { installPhone, type PhoneHandle } from '../../phone/phoneService';
import type { LineView, PhoneView } from '../../phone/phoneTypes';
import { ShortcutProvider } from '../../ui/shortcuts/ShortcutProvider';
import { switchboardLocales } from './locales';
import { SwitchboardScreen } from './SwitchboardScreen';

const renders = vi.hoisted(() => ({ table: 0, chip: 0 }));

vi.mock('@mui/material', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@mui/material')>();
  function Table(props: ComponentProps<typeof actual.Table>) {
    renders.table += 1;
    return createElement(actual.Table, props);
  }
  function Chip(props: ComponentProps<typeof actual.Chip>) {
    renders.chip += 1;
    return createElement(actual.Chip, props);
  }
  return { ...actual, Table, Chip };
});

const START = new Date('2026-03-02T10:00:00+08:00').getTime();
let i18n: I18n;
const phone = createStore<PhoneView>({ registration: 'registered', lines: [] });

function line(id: string, lineNo: number, state: LineView['state'], extra: Partial<LineView> = {}): LineView {
  return { id, lineNo, direction: 'inbound', remoteUser: `1380013800${lineNo}`, state, muted: false, holdPending: false, ringStartedAt: START, sipCallId: id, ...extra };
}

beforeAll(async () => {
  i18n = await initI18n('en', { switchboard: switchboardLocales });
  const softphone = { subscribe: phone.subscribe, getSnapshot: phone.get, line: () => undefined };
  const configuration = { current: () => ({ extension: '2000', holdRecallSeconds: 60 }) };
  installPhone({ softphone, configuration } as unknown as PhoneHandle);
});

beforeEach(async () => {
  // Only the clock and intervals are fake: fake-indexeddb and Dexie keep their own scheduling.
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: START });
  resetDatabaseForTests();
  await getDatabase().delete();
  resetDatabaseForTests();
  // One call already in today's calls, so the table is there with a row.
  const writer = new CallRecordWriter({ ownExtension: () => '2000' });
  const earlier = line('01JD00000000000000000000AA', 1, 'ended');
  writer.record(earlier, applyCallEvent(startCall('inbound', START - 600_000), { type: 'ended', at: START - 590_000, cause: 'remote-cancel' }));
  await writer.flush();
  renders.table = 0;
  renders.chip = 0;
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  getDatabase().close();
});

afterAll(() => resetDatabaseForTests());

async function renderScreen(view: PhoneView) {
  phone.set(view);
  const commits: string[] = [];
  render(
    <I18nextProvider i18n={i18n}>
      <ShortcutProvider>
        <Profiler id="switchboard" onRender={(_id, phase) => commits.push(phase)}>
          <SwitchboardScreen />
        </Profiler>
      </ShortcutProvider>
    </I18nextProvider>,
  );
  // Testing Library's waitFor re-checks on every DOM change (the faked setInterval never polls), so the
  // fake clock does not move while the stored call arrives.
  const table = await screen.findByRole('table', { name: "Today's calls" }, { timeout: 15_000 });
  await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2), { timeout: 15_000 });
  return { commits, table };
}

async function tick(seconds: number) {
  for (let i = 0; i < seconds; i += 1) await act(async () => vi.advanceTimersByTime(1000));
}

describe('SwitchboardScreen on a clock tick', { timeout: 60_000 }, () => {
  it('commits nothing at all while no line has a running timer', async () => {
    const { commits } = await renderScreen({ registration: 'registered', lines: [] });
    const before = commits.length;
    const tablesBefore = renders.table;
    await tick(5);
    expect(commits.length - before).toBe(0);
    expect(renders.table).toBe(tablesBefore);
    expect(screen.getByTestId('registration')).toHaveTextContent('Registered as extension 2000');
  });

  it('re-renders only the running timers: not the line cards, not the hold queue, not the table', async () => {
    const ringing = line('ring', 1, 'ringing');
    const held = line('held', 2, 'held', { answeredAt: START - 60_000, heldSince: START });
    await renderScreen({ registration: 'registered', lines: [ringing, held] });
    const ringingCard = screen.getByRole('region', { name: /Line 1: 13800138001, Ringing/ });
    const heldCard = screen.getByRole('region', { name: /Line 2: 13800138002, On hold/ });
    expect(within(ringingCard).getByTestId('line-timer')).toHaveTextContent('Rang 0:00');
    const tables = renders.table;
    const chips = renders.chip;

    await tick(3);

    // The timers moved …
    expect(within(ringingCard).getByTestId('line-timer')).toHaveTextContent('Rang 0:03');
    expect(within(heldCard).getByTestId('line-timer')).toHaveTextContent('Held 0:03');
    expect(screen.getByRole('region', { name: 'Hold queue' })).toHaveTextContent('Line 2 13800138002 waiting 0:03');
    // … and nothing else was rendered again.
    expect(renders.chip).toBe(chips);
    expect(renders.table).toBe(tables);
  });

  it('a change of one line re-renders that card only, and the table not at all', async () => {
    const ringing = line('ring', 1, 'ringing');
    const other = line('other', 2, 'active', { answeredAt: START });
    await renderScreen({ registration: 'registered', lines: [ringing, other] });
    const tables = renders.table;
    const chips = renders.chip;
    // The caller's name arrives on the ringing line; the talking line (the selected one) is untouched.
    act(() => phone.set({ registration: 'registered', lines: [{ ...ringing, remoteName: 'Zhang San' }, other] }));
    expect(screen.getByRole('region', { name: /Line 1: Zhang San · 13800138001, Ringing/ })).toBeInTheDocument();
    expect(renders.chip).toBe(chips + 1);
    expect(renders.table).toBe(tables);
  });
});
