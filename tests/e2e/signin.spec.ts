// Sign-in, roles, masking, the desk lock, switching person and the shift handover (issue 9), in Chromium
// with the real PBKDF2 hashing, IndexedDB and, for the calls, Kamailio with sip.js agents.
import { test, expect, TEST_SUPERVISOR } from './fixtures';
import { SignInPage, type StoredAudit } from './pages/SignInPage';
import { VisitorsPage } from './pages/VisitorsPage';
import { SeedData } from './pages/SeedData';

const RECEPTIONIST = { name: 'Li Na', secret: '135791', roles: ['Receptionist'] };
const CONCIERGE = { name: 'Zhao Lei', secret: 'parcels-please', roles: ['Concierge'] };
const OPERATOR = { name: 'Chen Jie', secret: '975310', roles: ['Operator'] };

/** Every audit entry names a person who was signed in (never "desk"), and the given entries their actor. */
async function expectEveryEntryNamed(signin: SignInPage, known: string[]): Promise<StoredAudit[]> {
  const entries = await signin.audit();
  expect(entries.length).toBeGreaterThan(0);
  const ids = await Promise.all(known.map((n) => signin.operatorId(n)));
  for (const e of entries) expect(ids, `${e.action} ${e.entityTable} ${e.summary}`).toContain(e.actorId);
  return entries;
}

test.describe('first run', () => {
  test.use({ signIn: false });

  test('asks for a supervisor, stores only a salted slow hash, signs them in and keeps them signed in across a reload', async ({ app, page }) => {
    const signin = new SignInPage(app);
    await page.goto('/index.html?lang=en');
    await expect(signin.firstRun).toBeVisible();
    await expect(app.navigation).toHaveCount(0);
    await signin.firstRun.getByLabel('Supervisor name').fill('Wang Fang');
    await signin.firstRun.getByRole('textbox', { name: 'PIN or password', exact: true }).fill('12345');
    await expect(signin.firstRun.getByText('A PIN needs at least 6 digits')).toBeVisible();
    await signin.setUpFirstRun('Wang Fang', '24681012');
    await expect(app.navigation.getByRole('link', { name: /Audit log/ })).toBeVisible();

    const [boss] = await signin.operators();
    expect(boss).toMatchObject({ name: 'Wang Fang', roles: ['receptionist', 'operator', 'concierge', 'supervisor'] });
    expect(boss!.pinHash).toMatch(/^pbkdf2-sha256\$600000\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(JSON.stringify(await signin.operators())).not.toContain('24681012');

    await page.reload();
    await expect(signin.person).toHaveText('Signed in: Wang Fang');
    // The first-run directory loads as the supervisor; every entry names them.
    await expect.poll(async () => (await app.readTable('staff')).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(40);
    const entries = await expectEveryEntryNamed(signin, ['Wang Fang']);
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['create', 'signIn', 'import']));
  });
});

test.describe('roles and the handover', () => {
  test('each role sees its screens; the handover note is shown to the next person and acknowledged; every entry names the right person', async ({ app, page }) => {
    test.setTimeout(240_000);
    const signin = new SignInPage(app);
    await app.open({ screen: 'settings' });
    await signin.addPerson(RECEPTIONIST.name, RECEPTIONIST.roles, RECEPTIONIST.secret);
    await signin.addPerson(CONCIERGE.name, CONCIERGE.roles, CONCIERGE.secret);
    await signin.addPerson(OPERATOR.name, OPERATOR.roles, OPERATOR.secret);

    // Open business the shift leaves behind (as the messages and parcels screens store it): a message nobody
    // has acknowledged and an urgent parcel still on the shelf — and what is done with and must not be listed.
    const seed = new SeedData(app);
    const deskId = await seed.desk();
    const at = Date.now() - 60_000;
    const row = (fields: Record<string, unknown>) => ({ id: seed.newId(at), createdAt: at, updatedAt: at, deskId, ...fields });
    await seed.put('messages', [
      row({ toName: '刘洋', fromName: '黄先生', fromCompany: '华远公司', fromPhone: '13800138000', content: '请回电 13800138000', urgency: 'urgent', status: 'open', followUps: [] }),
      row({ toName: '周敏', content: '会议改期', urgency: 'normal', status: 'closed', closedAt: at, followUps: [] }),
    ]);
    await seed.put('parcels', [
      row({ trackingNumber: 'SF1234567890', recipientName: '王静', type: 'document', urgent: 1, status: 'received', receivedAt: at, receivedBy: deskId, shelf: 'A1', searchKeys: [] }),
      row({ trackingNumber: 'YT9876543210', recipientName: '孙丽', type: 'parcel', urgent: 1, status: 'collected', receivedAt: at, receivedBy: deskId, collectedAt: at, collectedBy: '孙丽', searchKeys: [] }),
      row({ trackingNumber: 'ZT1111111111', recipientName: '赵刚', type: 'parcel', urgent: 0, status: 'received', receivedAt: at, receivedBy: deskId, searchKeys: [] }),
    ]);

    // End of shift: the supervisor writes the handover note; the console pre-fills what is still open.
    await signin.person.click();
    await page.getByRole('menuitem', { name: 'Hand over and sign out' }).click();
    const write = page.getByRole('dialog', { name: 'Shift handover' });
    const written = write.getByTestId('handover-items').getByRole('listitem');
    await expect(written).toHaveCount(2);
    await expect(written.nth(0)).toHaveText('Open messages (1)刘洋 ← 黄先生, 华远公司');
    await expect(written.nth(1)).toHaveText('Uncollected urgent parcels (1)王静 · SF1234567890 · A1');
    await write.getByLabel('Handover note').fill('The projector in room 2 is broken; IT comes at 10.');
    await write.getByRole('button', { name: 'Save the handover note and sign out' }).click();
    await expect(signin.signInForm).toBeVisible({ timeout: 20_000 });
    await expect(app.navigation).toHaveCount(0);

    // A wrong PIN is refused and counted.
    await signin.signIn(RECEPTIONIST.name, '000000');
    await expect(signin.signInForm.getByRole('alert')).toHaveText('Wrong PIN or password (4 attempts left)');
    // The next person works in 简体中文: they pick it on the sign-in screen, sign in and see the note there.
    await signin.signInForm.getByRole('combobox', { name: 'Language' }).click();
    await page.getByRole('option', { name: '简体中文' }).click();
    const signInZh = page.getByRole('region', { name: '登录前台控制台' });
    await signInZh.getByLabel('员工').selectOption({ label: RECEPTIONIST.name });
    await signInZh.getByLabel('PIN 或密码').fill(RECEPTIONIST.secret);
    await signInZh.getByRole('button', { name: '登录' }).click();
    const shown = page.getByRole('dialog', { name: '上一班的交班记录' });
    await expect(shown).toBeVisible({ timeout: 20_000 });
    await expect(shown.getByTestId('handover-note')).toHaveText('The projector in room 2 is broken; IT comes at 10.');
    await expect(shown).toContainText(`交班人：${TEST_SUPERVISOR.name}`);
    const handedOver = shown.getByTestId('handover-items').getByRole('listitem');
    await expect(handedOver).toHaveCount(2);
    await expect(handedOver.nth(0)).toHaveText('未处理的留言（1）刘洋 ← 黄先生, 华远公司');
    await expect(handedOver.nth(1)).toHaveText('未领取的急件（1）王静 · SF1234567890 · A1');
    await expect(shown).not.toContainText('13800138000');
    await shown.getByRole('button', { name: '已阅，确认接班' }).click();
    await expect(shown).toBeHidden();
    await page.getByRole('combobox', { name: '语言', exact: true }).selectOption('en');
    await expect(signin.person).toHaveText(`Signed in: ${RECEPTIONIST.name}`);
    expect(await signin.listedScreens()).toEqual(['Visitors', 'Directory', 'Dashboard', 'Settings']);

    await signin.switchTo(CONCIERGE.name, CONCIERGE.secret);
    expect(await signin.listedScreens()).toEqual(['Parcels', 'Messages', 'Directory', 'Dashboard', 'Settings']);
    await signin.switchTo(OPERATOR.name, OPERATOR.secret);
    expect(await signin.listedScreens()).toEqual(['Switchboard', 'Messages', 'Directory', 'Dashboard', 'Settings']);
    // A screen the role lacks is not reachable by its address either.
    await page.evaluate(() => { window.location.hash = '#/audit'; });
    await expect(app.main).toContainText('Your role does not use this screen.');
    await page.evaluate(() => { window.location.hash = '#/visitors'; });
    await expect(app.main).toContainText('Your role does not use this screen.');

    const handovers = await app.readTable<{ id: string; status: string; acknowledgedBy?: string; fromOperatorId: string; items: { kind: string; count: number }[] }>('handovers');
    const [bossId, receptionId] = await Promise.all([signin.operatorId(TEST_SUPERVISOR.name), signin.operatorId(RECEPTIONIST.name)]);
    expect(handovers).toEqual([expect.objectContaining({ status: 'acknowledged', fromOperatorId: bossId, acknowledgedBy: receptionId })]);
    expect(handovers[0]!.items.map((i) => [i.kind, i.count])).toEqual([['openMessages', 1], ['urgentParcels', 1]]);
    const entries = await expectEveryEntryNamed(signin, [TEST_SUPERVISOR.name, RECEPTIONIST.name, CONCIERGE.name, OPERATOR.name]);
    const byAction = (action: string, table: string) => entries.filter((e) => e.action === action && e.entityTable === table).map((e) => e.actorId);
    expect(byAction('create', 'handovers')).toEqual([bossId]);
    expect(byAction('acknowledge', 'handovers')).toEqual([receptionId]);
    expect(byAction('signInFailed', 'operators')).toEqual([receptionId]);
    expect(entries.filter((e) => e.action === 'signIn').map((e) => e.summary)).toEqual(expect.arrayContaining([`${CONCIERGE.name} took over the desk from ${RECEPTIONIST.name}`]));
  });
});

test.describe('masking', () => {
  test('ID numbers are masked; a supervisor reveals one with a reason, audited; a receptionist cannot', async ({ app, page }) => {
    test.setTimeout(240_000);
    const signin = new SignInPage(app);
    await app.open({ screen: 'settings' });
    await signin.addPerson(RECEPTIONIST.name, RECEPTIONIST.roles, RECEPTIONIST.secret);
    const visitors = new VisitorsPage(app);
    await visitors.open();
    await visitors.tab('Watchlist').click();
    const form = page.getByRole('form', { name: 'Add to the watchlist' });
    await form.getByRole('textbox', { name: 'ID number' }).fill('11010519491231002X');
    await form.getByRole('textbox', { name: /^Reason/ }).fill('证件挂失冒用');
    await form.getByRole('button', { name: 'Add to watchlist' }).click();
    const row = page.getByRole('table', { name: 'Watchlist entries' }).getByRole('row').filter({ hasText: '证件挂失冒用' });
    await expect(row.getByTestId('watchlist-id-number')).toHaveText('**************002X');
    await expect(page.getByText('11010519491231002X')).toHaveCount(0);

    await row.getByRole('button', { name: 'Show the full number' }).click();
    const reveal = page.getByRole('dialog', { name: 'Show the full number' });
    await reveal.getByRole('button', { name: 'Show' }).click();
    await expect(reveal.getByRole('alert')).toHaveText('Required');
    await reveal.getByLabel('Reason (kept in the audit log)').fill('police enquiry 2026-118');
    await reveal.getByRole('button', { name: 'Show' }).click();
    await expect(row.getByTestId('watchlist-id-number')).toHaveText('11010519491231002X');
    const [entry] = await app.readTable<{ id: string }>('watchlist');
    const reveals = (await signin.audit()).filter((e) => e.action === 'reveal');
    expect(reveals).toEqual([expect.objectContaining({ entityTable: 'watchlist', entityId: entry!.id, actorId: await signin.operatorId(TEST_SUPERVISOR.name) })]);
    expect(reveals[0]!.summary).toContain('police enquiry 2026-118');

    await signin.switchTo(RECEPTIONIST.name, RECEPTIONIST.secret);
    await expect(row.getByTestId('watchlist-id-number')).toHaveText('**************002X');
    await expect(row.getByRole('button', { name: 'Show the full number' })).toHaveCount(0);
  });
});

test.describe('masking phone numbers', () => {
  test('a caller\'s number is masked for a concierge until they reveal it with a reason, audited; a supervisor sees it in full', async ({ app, page }) => {
    test.setTimeout(240_000);
    const signin = new SignInPage(app);
    await app.open({ screen: 'settings' });
    await signin.addPerson(CONCIERGE.name, CONCIERGE.roles, CONCIERGE.secret);
    // A message taken by the switchboard, with the caller's call-back number (as the messages screen stores it).
    const seed = new SeedData(app);
    const at = Date.now() - 60_000;
    const message = { id: seed.newId(at), createdAt: at, updatedAt: at, deskId: await seed.desk(), toName: '刘洋', fromName: '黄先生', fromPhone: '138 0013 8000', fromPhoneKey: '13800138000', content: '请回电', urgency: 'urgent', status: 'open', followUps: [] };
    await seed.put('messages', [message]);
    await app.navigate('messages');
    const open = app.main.getByRole('button', { name: 'Open the message for 刘洋 (from 黄先生)' });
    const dialog = page.getByRole('dialog', { name: /^Message for / });
    const phone = dialog.getByTestId('message-from-phone');

    // The supervisor sees the number in full: nothing to reveal.
    await open.click();
    await expect(phone).toHaveText('138 0013 8000');
    await expect(dialog.getByRole('button', { name: 'Show the full number' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // The concierge sees the last four digits only, anywhere on the page.
    await signin.switchTo(CONCIERGE.name, CONCIERGE.secret);
    await open.click();
    await expect(phone).toHaveText('*******8000');
    await expect(page.getByText('138 0013 8000')).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Show the full number' }).click();
    const reveal = page.getByRole('dialog', { name: 'Show the full number' });
    await reveal.getByRole('button', { name: 'Show' }).click();
    await expect(reveal.getByRole('alert')).toHaveText('Required');
    await reveal.getByLabel('Reason (kept in the audit log)').fill('刘洋 must call back today');
    await reveal.getByRole('button', { name: 'Show' }).click();
    await expect(reveal).toBeHidden();
    await expect(phone).toHaveText('138 0013 8000');
    const reveals = (await signin.audit()).filter((e) => e.action === 'reveal');
    expect(reveals).toEqual([expect.objectContaining({ entityTable: 'messages', entityId: message.id, actorId: await signin.operatorId(CONCIERGE.name) })]);
    expect(reveals[0]!.summary).toBe('revealed the full phone number: 刘洋 must call back today');
  });
});

test.describe('desk lock', () => {
  test('locks when idle, hides everything, keeps a half-typed form, and unlocks with the PIN', async ({ app, page }) => {
    test.setTimeout(240_000);
    await page.clock.install();
    const signin = new SignInPage(app);
    const visitors = new VisitorsPage(app);
    await visitors.open();
    await visitors.name.fill('王小明');
    await page.clock.fastForward('05:01');
    await expect(signin.lockScreen).toBeVisible();
    // What a person (or a screen reader) can read: the lock screen only.
    const readable = await page.locator('body').innerText();
    expect(readable).toContain('Desk locked');
    expect(readable).not.toContain(TEST_SUPERVISOR.name);
    expect(await page.locator('#root').getAttribute('aria-hidden')).toBe('true');
    await expect(page.getByRole('textbox', { name: /Name/ })).toHaveCount(0);
    await signin.unlock('99999999');
    await expect(signin.lockScreen.getByRole('alert')).toHaveText(/Wrong PIN or password/);
    await signin.unlock(TEST_SUPERVISOR.secret);
    await expect(signin.lockScreen).toBeHidden({ timeout: 20_000 });
    await expect(visitors.name).toHaveValue('王小明');

    // Ctrl+L locks at once, even while typing.
    await visitors.name.press('Control+l');
    await expect(signin.lockScreen).toBeVisible();
    await page.reload();
    await expect(signin.lockScreen).toBeVisible();
    await signin.unlock(TEST_SUPERVISOR.secret);
    await expect(signin.lockScreen).toBeHidden({ timeout: 20_000 });
    const actions = (await signin.audit()).map((e) => e.action);
    expect(actions.filter((a) => a === 'lock')).toHaveLength(2);
    expect(actions.filter((a) => a === 'unlock')).toHaveLength(2);
    expect(actions).toContain('signInFailed');
  });

  test('a call from the SIP lab rings on the lock screen and is answered there without revealing the caller', async ({ app, page, switchboard, sipLab, agent }) => {
    test.setTimeout(240_000);
    const signin = new SignInPage(app);
    await switchboard.configure(sipLab.wsUrl);
    await page.keyboard.press('Control+l');
    await expect(signin.lockScreen).toBeVisible();
    const caller = await agent('13800138000', '张三');
    const callId = await caller.call('2000');
    const ringing = signin.lockScreen.getByRole('group', { name: 'Incoming call · line 1' });
    await expect(ringing).toBeVisible();
    let readable = await page.locator('body').innerText();
    expect(readable).not.toContain('13800138000');
    expect(readable).not.toContain('张三');
    await expect(page.getByRole('alertdialog', { name: /Incoming call/ })).toHaveCount(0);
    await ringing.getByRole('button', { name: 'Answer' }).click();
    const talking = signin.lockScreen.getByRole('group', { name: 'In call · line 1' });
    await expect(talking).toBeVisible();
    await expect.poll(async () => (await caller.session(callId))?.media.flowing ?? false, { timeout: 15_000 }).toBe(true);
    await expect(talking.getByRole('button', { name: 'Hang up' })).toBeVisible();
    // Only call controls: no navigation, no screen, no number.
    await expect(page.getByRole('navigation')).toHaveCount(0);
    readable = await page.locator('body').innerText();
    expect(readable).not.toContain('13800138000');
    expect(readable).not.toContain('Switchboard');

    await signin.unlock(TEST_SUPERVISOR.secret);
    await expect(signin.lockScreen).toBeHidden({ timeout: 20_000 });
    const line = switchboard.lineWith('13800138000');
    await switchboard.expectLineState(line, 'active');
    await caller.hangup(callId);
    await switchboard.expectLineState(line, 'ended');
    expect(await switchboard.storedCall('13800138000', 'answered')).toMatchObject({ direction: 'inbound' });
  });

  test('switching person during a call keeps the call', async ({ app, switchboard, sipLab, agent }) => {
    test.setTimeout(240_000);
    const signin = new SignInPage(app);
    await app.open({ screen: 'settings' });
    await signin.addPerson(OPERATOR.name, OPERATOR.roles, OPERATOR.secret);
    await switchboard.configure(sipLab.wsUrl);
    const caller = await agent('13900139000');
    const callId = await caller.call('2000');
    const line = await switchboard.answerWithF2('13900139000');
    await signin.switchTo(OPERATOR.name, OPERATOR.secret);
    await switchboard.expectLineState(line, 'active');
    expect((await caller.session(callId))?.state).toBe('Established');
    await caller.hangup(callId);
    await switchboard.expectLineState(line, 'ended');
    const stored = await switchboard.storedCall('13900139000', 'answered');
    const entries = await signin.audit();
    const last = entries.filter((e) => e.entityTable === 'calls' && e.entityId === stored.id).pop();
    expect(last?.actorId).toBe(await signin.operatorId(OPERATOR.name));
  });
});

test.describe('audit log view', () => {
  test('a supervisor filters the log by action and exports the filtered entries as CSV', async ({ app, page }) => {
    const signin = new SignInPage(app);
    await app.open({ screen: 'audit' });
    await expect(app.heading).toHaveText('Audit log');
    const table = page.getByRole('table', { name: 'Audit log (newest first)' });
    await expect(table.getByRole('row').nth(1)).toBeVisible();
    await page.getByLabel('Action').selectOption('signIn');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(table.locator('tbody tr')).toHaveCount(1);
    await expect(table.locator('tbody tr').first()).toContainText(TEST_SUPERVISOR.name);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^audit-log-\d{8}-\d{4}\.csv$/);
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Time,Person,Action,Table,Record,Summary');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${TEST_SUPERVISOR.name},signIn,operators`);
    await expect.poll(async () => (await signin.audit()).filter((e) => e.action === 'export' && e.entityTable === 'auditLog')).toHaveLength(1);
  });
});
