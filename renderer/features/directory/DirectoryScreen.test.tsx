import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { initI18n } from '../../i18n';
import { ShortcutProvider } from '../../ui/shortcuts/ShortcutProvider';
import { notifications } from '../../ui/notifications/notificationStore';
import { DatabaseProvider, repositoriesOf, type FrontDeskDatabase } from '../../db';
import { freshDatabase } from '../../test/testDatabase';
import { DirectoryScreen } from './DirectoryScreen';
import { directoryLocales } from './locales';

let i18n: I18n;
let db: FrontDeskDatabase;

beforeEach(async () => {
  i18n ??= await initI18n('en', { directory: directoryLocales });
  ({ db } = await freshDatabase());
  notifications.clear();
  const repos = repositoriesOf(db);
  const sales = await repos.departments.create({ name: '销售部' });
  const finance = await repos.departments.create({ name: '财务部' });
  await repos.staff.create({ name: '张三', departmentId: sales.id, extension: '2301', title: '经理' });
  await repos.staff.create({ name: '李四', departmentId: sales.id, extension: '2302' });
  await repos.staff.create({ name: '赵爽', departmentId: finance.id, extension: '5001' });
});

afterEach(() => {
  cleanup();
  db.close();
});

function renderScreen() {
  return render(
    <I18nextProvider i18n={i18n}>
      <DatabaseProvider db={db}>
        <ShortcutProvider>
          <DirectoryScreen />
        </ShortcutProvider>
      </DatabaseProvider>
    </I18nextProvider>,
  );
}

const optionNames = () => within(screen.getByRole('listbox', { name: 'Search results' })).queryAllByRole('option').map((o) => o.textContent ?? '');

describe('DirectoryScreen', { timeout: 60_000 }, () => {
  it('focuses the search, finds people by initials and moves with the arrow keys', async () => {
    const user = userEvent.setup({ delay: null });
    renderScreen();
    const search = screen.getByRole('combobox', { name: 'Search the directory' });
    expect(search).toHaveFocus();
    await waitFor(() => expect(optionNames()).toHaveLength(3));

    await user.keyboard('zs');
    await waitFor(() => expect(optionNames()).toHaveLength(2));
    expect(optionNames()[0]).toContain('张三');
    expect(optionNames()[1]).toContain('赵爽');
    const options = () => within(screen.getByRole('listbox', { name: 'Search results' })).getAllByRole('option');
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');
    expect(search).toHaveAttribute('aria-activedescendant', options()[0]!.id);

    await user.keyboard('{ArrowDown}');
    expect(options()[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(options()[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}');
    expect(options()[0]).toHaveAttribute('aria-selected', 'true');

    // Enter opens the person's card (a lookup), not the edit form; editing is a button on it.
    await user.keyboard('{Enter}');
    const card = await screen.findByRole('dialog', { name: '张三' });
    const details = within(card).getByRole('table', { name: 'How to reach 张三' });
    expect(within(details).getByRole('row', { name: /Extension\s*2301/ })).toBeInTheDocument();
    expect(within(details).getByRole('row', { name: /Department\s*销售部/ })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Name' })).not.toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit person: 张三' });
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveValue('张三');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());

    await waitFor(() => expect(search).toHaveFocus());
    await user.keyboard('{Escape}');
    expect(search).toHaveValue('');
    await waitFor(() => expect(optionNames()).toHaveLength(3));
  });

  it('finds by department and extension, and says when nobody matches', async () => {
    const user = userEvent.setup({ delay: null });
    renderScreen();
    await user.keyboard('财务');
    await waitFor(() => expect(optionNames()).toEqual([expect.stringContaining('赵爽')]));
    await user.clear(screen.getByRole('combobox', { name: 'Search the directory' }));
    await user.keyboard('2302');
    await waitFor(() => expect(optionNames()).toEqual([expect.stringContaining('李四')]));
    await user.keyboard('9');
    expect(await screen.findByText('Nobody matches "23029".')).toBeInTheDocument();
  });

  it('adds a person with Ctrl+N, showing validation messages in the user language', async () => {
    const user = userEvent.setup({ delay: null });
    renderScreen();
    await user.keyboard('{Control>}n{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'New person' });
    expect(within(dialog).getByRole('textbox', { name: 'Name' })).toHaveFocus();
    await user.keyboard('王小明');
    await user.type(within(dialog).getByRole('textbox', { name: 'Extension' }), '2301');
    await user.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'bad-email{Enter}');
    expect(await within(dialog).findByText('Not a valid email address')).toBeInTheDocument();
    await user.clear(within(dialog).getByRole('textbox', { name: 'Email' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Email' }), 'wxm@example.com{Enter}');
    // The extension belongs to 张三: refused by the repository, shown on the field.
    expect(await within(dialog).findByText('This extension is already used by someone else')).toBeInTheDocument();
    await user.clear(within(dialog).getByRole('textbox', { name: 'Extension' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Extension' }), '2309');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Department' }), '财务部');
    // Enter does not submit from a select; Ctrl+Enter saves from any field.
    await user.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await user.keyboard('wxm');
    await waitFor(() => expect(optionNames()).toEqual([expect.stringContaining('王小明')]));
    expect(notifications.snapshot()[0]).toMatchObject({ severity: 'success', message: 'Added 王小明' });
    const stored = await repositoriesOf(db).staff.search('2309');
    expect(stored[0]).toMatchObject({ name: '王小明', email: 'wxm@example.com' });
  });

  it('previews a CSV import with per-row errors and imports the good rows', async () => {
    const user = userEvent.setup({ delay: null });
    renderScreen();
    const csv = '\uFEFF姓名,部门,分机,邮箱\n孙悟空,技术部,7001,\n,技术部,7002,\n猪八戒,技术部,7003,pig@example.com\n沙僧,技术部,2301,\n';
    await user.upload(screen.getByLabelText('Choose a CSV file'), new File([csv], 'staff.csv', { type: 'text/csv' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import the directory from CSV' });
    expect(within(dialog).getByText('2 rows ready to import, 2 rows with problems (not imported).')).toBeInTheDocument();
    const bad = within(within(dialog).getByRole('table', { name: 'Rows with problems' }));
    expect(bad.getAllByRole('row').map((r) => r.textContent)).toEqual([
      'RowFieldReasonValue',
      '3NameRequired',
      '5ExtensionThis extension is already used by someone else (used by 张三)2301',
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Import 2 rows' }));
    // A staged import is several short transactions, each followed by the screen's live queries: give it time.
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument(), { timeout: 30_000 });
    expect(notifications.snapshot()[0]).toMatchObject({ severity: 'warning', message: 'Imported 2 people, skipped 2 rows (staff.csv); 1 departments created' });
    await user.keyboard('技术');
    // The search's live query answers after the import's last chunk; on a loaded machine that is seconds.
    await waitFor(() => expect(optionNames()).toHaveLength(2), { timeout: 30_000 });
  });

  it('reads a file Excel saved in GB18030, names the encoding, and lists an unclosed quote as one bad row', async () => {
    const user = userEvent.setup({ delay: null });
    renderScreen();
    // '姓名,分机\n张伟,7101\n"李娜,7102\n王芳,7103\n' in GBK (iconv -f UTF-8 -t GBK | xxd -p).
    const bytes = Uint8Array.from('d0d5c3fb2cb7d6bbfa0ad5c5ceb02c373130310a22c0eec4c82c373130320acdf5b7bc2c373130330a'.match(/../g)!.map((b) => parseInt(b, 16)));
    await user.upload(screen.getByLabelText('Choose a CSV file'), new File([bytes], 'gbk.csv', { type: 'text/csv' }));
    const dialog = await screen.findByRole('dialog', { name: 'Import the directory from CSV' });
    expect(within(dialog).getByTestId('import-encoding')).toHaveTextContent('Encoding: GB18030');
    const bad = within(within(dialog).getByRole('table', { name: 'Rows with problems' }));
    expect(bad.getAllByRole('row').map((r) => r.textContent)).toEqual([
      'RowFieldReasonValue',
      '3Whole rowA quote is not closed: this row was not imported; the rows after it were read as usual"李娜,7102',
    ]);
    const good = within(within(dialog).getByRole('table', { name: 'Rows to import' }));
    expect(good.getAllByRole('row').slice(1).map((r) => r.textContent)).toEqual(['2张伟7101', '4王芳7103']);
  });
});
