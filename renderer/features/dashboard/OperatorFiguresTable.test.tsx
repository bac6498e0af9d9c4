// The supervisor's per-operator answer figures on the dashboard: a supervisor sees each operator's calls
// answered, median and p90 answer time; an operator sees the tiles but not the table.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { initI18n } from '../../i18n';
import { DatabaseProvider, repositoriesOf, type FrontDeskDatabase } from '../../db';
import { newId } from '../../db/ids';
import { freshDatabase } from '../../test/testDatabase';
import { equipmentLocales } from '../equipment/locales';
import { rollcallLocales } from '../rollcall/locales';
import { signinLocales } from '../signin/locales';
import { DashboardScreen } from './DashboardScreen';
import { dashboardLocales } from './locales';

// The real PBKDF2 cost is for sign-in, not for these figures.
vi.mock('../../db/secretHash', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../db/secretHash')>()),
  hashSecret: async (secret: string) => `test$${secret}`,
}));

let i18n: I18n;
let db: FrontDeskDatabase;
const en = dashboardLocales.en.operators;

beforeEach(async () => {
  i18n ??= await initI18n('en', { dashboard: dashboardLocales, equipment: equipmentLocales, rollcall: rollcallLocales, signin: signinLocales });
  ({ db } = await freshDatabase());
});

afterEach(() => {
  cleanup();
  db.close();
});

async function answered(handledBy: string, ringMs: number) {
  const startedAt = Date.now() - 120_000;
  await repositoriesOf(db).calls.saveFromEvents(newId(startedAt), {
    direction: 'inbound', remoteNumber: '13800138000', remoteNumberDigits: '13800138000', startedAt,
    answeredAt: startedAt + ringMs, ringMs, endedAt: startedAt + ringMs + 30_000, disposition: 'answered', handledBy,
  });
}

async function seed() {
  const repos = repositoriesOf(db);
  const wang = await repos.operators.addPerson({ name: '王芳', roles: ['operator'], secret: 'Desk-pass-2468' });
  const li = await repos.operators.addPerson({ name: '李强', roles: ['operator'], secret: 'Desk-pass-1357' });
  for (const ring of [2000, 4000, 6000, 8000, 30_000]) await answered(wang.id, ring);
  await answered(li.id, 12_000);
  return { wang, li };
}

const renderDashboard = () =>
  render(
    <I18nextProvider i18n={i18n}>
      <DatabaseProvider db={db}>
        <DashboardScreen />
      </DatabaseProvider>
    </I18nextProvider>,
  );

describe('dashboard: figures per operator', { timeout: 60_000 }, () => {
  it("shows a supervisor each operator's calls answered, median and p90 answer time", async () => {
    const { wang, li } = await seed();
    db.access.enforce();
    db.access.setPrincipal({ operatorId: 'sup', name: '赵主管', roles: ['supervisor'] });
    renderDashboard();

    const table = await screen.findByRole('table', { name: en.tableLabel });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const cells = (row: HTMLElement) => [within(row).getByRole('rowheader'), ...within(row).getAllByRole('cell')].map((c) => c.textContent);
    // 王芳: 2, 4, 6, 8, 30 s → median 6 s, p90 30 s, 4 of 5 within 18 s.
    expect(cells(rows[0]!)).toEqual([wang.name, '5', '5', '6.0 s', '30.0 s', '80%', '0']);
    expect(cells(rows[1]!)).toEqual([li.name, '1', '1', '12.0 s', '12.0 s', '100%', '0']);
  });

  it('shows an operator the tiles but not the figures of their colleagues', async () => {
    const { wang } = await seed();
    db.access.enforce();
    db.access.setPrincipal({ operatorId: wang.id, name: wang.name, roles: ['operator'] });
    renderDashboard();
    expect(await screen.findByRole('link', { name: /Answered within three rings/ })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: en.tableLabel })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: en.title })).not.toBeInTheDocument();
  });
});
