// The permission table in Settings names every table and special action in the person's language, in each
// of the three languages: no row shows an internal name such as `closeUnacknowledged` or `revealPhone`.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { ACTION_MATRIX, SPECIAL_ACTIONS, TABLE_MATRIX } from '@shared/auth/permissions';
import { initI18n } from '../../i18n';
import type { LanguageCode } from '@shared/i18n/languages';
import { signinLocales } from './locales';
import { PermissionMatrix } from './StaffAccountsPanel';

afterEach(() => cleanup());

const languages = Object.keys(signinLocales) as (keyof typeof signinLocales)[];

describe('permission table', () => {
  it.each(languages)('labels every special action and table in %s', async (language) => {
    const i18n = await initI18n(language as LanguageCode, { signin: signinLocales });
    render(
      <I18nextProvider i18n={i18n}>
        <PermissionMatrix />
      </I18nextProvider>,
    );
    const strings = signinLocales[language].staff;
    const actions = screen.getByRole('table', { name: strings.action });
    const actionRows = within(actions).getAllByRole('rowheader').map((h) => h.textContent);
    expect(actionRows).toHaveLength(SPECIAL_ACTIONS.length);
    for (const action of SPECIAL_ACTIONS) {
      expect(actionRows, action).not.toContain(action);
      expect(strings.actions[action], action).toBeTruthy();
      expect(actionRows).toContain(strings.actions[action]);
    }
    // The row of an action shows who may do it, role by role, as the matrix says.
    const closeRow = within(actions).getByRole('row', { name: new RegExp(`^${strings.actions.closeUnacknowledged}`) });
    const cells = within(closeRow).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(Object.values(ACTION_MATRIX.closeUnacknowledged).map((allowed) => (allowed ? strings.yes : strings.no)));

    const tables = screen.getByTestId('permission-matrix');
    const tableRows = within(tables).getAllByRole('rowheader').map((h) => h.textContent);
    for (const table of Object.keys(TABLE_MATRIX)) {
      expect(tableRows, table).not.toContain(table);
      expect(tableRows).toContain(strings.tables[table as keyof typeof strings.tables]);
    }
    // Each label is its own: no two rows read the same.
    expect(new Set(actionRows).size).toBe(actionRows.length);
    expect(new Set(tableRows).size).toBe(tableRows.length);
  });
});
