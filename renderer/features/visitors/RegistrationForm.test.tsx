// A keystroke in the registration form renders the field typed in, not the whole form: the returning-
// visitor suggestions (keystroke → suggestions shown, bench target p95 < 30 ms at 500k visitors) must not
// wait behind fifteen fields re-rendering. Renders are counted per field through MUI's TextField, which
// every field of the form is built on. Picking a suggestion still fills the other fields.
import { createElement, createRef, type ComponentProps } from 'react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { initI18n } from '../../i18n';
import { DatabaseProvider, repositoriesOf, type FrontDeskDatabase } from '../../db';
import { freshDatabase } from '../../test/testDatabase';
import { RegistrationForm } from './RegistrationForm';
import { visitorsLocales } from './locales';

const renders = vi.hoisted(() => new Map<string, number>());

vi.mock('@mui/material/TextField', async (importOriginal) => {
  const actual = await importOriginal<typeof import('@mui/material/TextField')>();
  const Real = actual.default;
  function CountedTextField(props: ComponentProps<typeof Real>) {
    const key = String(props.name ?? props.id ?? '?');
    renders.set(key, (renders.get(key) ?? 0) + 1);
    return createElement(Real, props);
  }
  return { ...actual, default: CountedTextField };
});

let i18n: I18n;
let db: FrontDeskDatabase;

beforeAll(async () => {
  i18n = await initI18n('en', { visitors: visitorsLocales });
});

beforeEach(async () => {
  ({ db } = await freshDatabase());
  renders.clear();
});

afterEach(() => {
  cleanup();
  db.close();
});

function renderForm() {
  const nameRef = createRef<HTMLInputElement>();
  render(
    <I18nextProvider i18n={i18n}>
      <DatabaseProvider db={db}>
        <RegistrationForm nameRef={nameRef} checkIn={() => Promise.resolve(undefined)} onCheckedIn={() => undefined} />
      </DatabaseProvider>
    </I18nextProvider>,
  );
}

describe('RegistrationForm while typing', { timeout: 60_000 }, () => {
  it('re-renders only the field typed in', async () => {
    const user = userEvent.setup({ delay: null });
    renderForm();
    const name = screen.getByRole('combobox', { name: /^Name/ });
    await user.click(name);
    const before = new Map(renders);
    await user.keyboard('zhang');
    expect(name).toHaveValue('zhang');
    const rendersOf = (field: string) => (renders.get(field) ?? 0) - (before.get(field) ?? 0);
    expect(rendersOf('name')).toBeGreaterThanOrEqual(5);
    // The host picker may render once on its own (its directory query answering after mount), never per key.
    expect(rendersOf('visit-host')).toBeLessThanOrEqual(1);
    const others = [...renders.keys()].filter((field) => field !== 'name' && field !== 'visit-host' && rendersOf(field) > 0);
    expect(others).toEqual([]);
    expect([...renders.keys()]).toEqual(expect.arrayContaining(['company', 'phone', 'purpose', 'partySize', 'expectedDurationMin', 'vehiclePlate', 'idType', 'idNumber', 'notes']));
    // The other fields still answer to their own typing.
    const purpose = screen.getByRole('textbox', { name: 'Purpose' });
    await user.type(purpose, 'Meeting');
    expect(purpose).toHaveValue('Meeting');
  });

  it('a picked suggestion fills the memoised fields', async () => {
    const repos = repositoriesOf(db);
    const host = await repos.staff.create({ name: '李四', extension: '2302' });
    await repos.visits.checkIn({ registration: { name: '张伟', company: '北京恒泰科技有限公司', phone: '13800138000', hostStaffId: host.id, purpose: '商务洽谈' } });
    const user = userEvent.setup({ delay: null });
    renderForm();
    await user.click(screen.getByRole('combobox', { name: /^Name/ }));
    await user.keyboard('zw');
    await screen.findByRole('option', { name: /张伟/ }, { timeout: 15_000 });
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Purpose' })).toHaveValue('商务洽谈'));
    expect(screen.getByRole('combobox', { name: 'Organisation' })).toHaveValue('北京恒泰科技有限公司');
    expect(screen.getByRole('combobox', { name: 'Phone' })).toHaveValue('13800138000');
  });
});
