// Call notes, caller recognition and messages (issue 10) against the SIP lab: a real Kamailio relays the
// calls and the SIP MESSAGE between the console (in Chromium) and sip.js agents. Every scenario checks
// what the operator sees and what is stored in IndexedDB.
import { test, expect } from './fixtures';
import { CallNotePage } from './pages/CallNotePage';
import { MessagesPage } from './pages/MessagesPage';
import { SeedData } from './pages/SeedData';

test.describe('call notes', () => {
  test('notes typed while talking are saved on the call; a reload mid-typing loses nothing; the same number as +86… shows the note', async ({ switchboard, sipLab, agent, app, page }) => {
    test.setTimeout(180_000);
    const notes = new CallNotePage(app);
    await switchboard.configure(sipLab.wsUrl);
    const caller = await agent('13800138000', '张三');
    const sipCall = await caller.call('2000');
    const line = await switchboard.answerWithF2('13800138000');

    // The note opens with the call; Alt+N puts the cursor in it; the number is pre-filled.
    await expect(notes.panel).toBeVisible();
    await page.keyboard.press('Alt+n');
    await expect(notes.field("Caller's name")).toBeFocused();
    await expect(notes.field('Phone number')).toHaveValue('13800138000');
    await page.keyboard.type('Zhang San');
    await notes.field('Company').pressSequentially('Huaxing Tech');
    await notes.field('Reason for calling').pressSequentially('Wants to book the meeting room');
    await expect(line).toHaveAttribute('data-state', 'active');

    await caller.hangup(sipCall);
    await switchboard.expectLineState(line, 'ended');
    const call = await switchboard.storedCall('13800138000', 'answered');
    await notes.expectSaved();
    await expect.poll(async () => (await notes.storedNotes(call.id)).map((n) => [n.callerName, n.company, n.reason, n.phoneDigits])).toEqual([
      ['Zhang San', 'Huaxing Tech', 'Wants to book the meeting room', '+8613800138000'],
    ]);
    // Still editable after hang-up.
    await expect(notes.panel).toBeVisible();

    // Reload in the middle of typing: the keystrokes are in, the debounced save has not run yet.
    await notes.field('Reason for calling').pressSequentially(' on Friday');
    await page.reload();
    await app.screenLoaded();
    await expect(notes.field('Reason for calling')).toHaveValue('Wants to book the meeting room on Friday');
    await notes.expectSaved();
    await expect.poll(async () => (await notes.storedNotes(call.id)).map((n) => n.reason)).toEqual(['Wants to book the meeting room on Friday']);
    await expect(switchboard.registration).toHaveAttribute('data-state', 'registered', { timeout: 15_000 });
    await notes.panel.getByRole('button', { name: 'Close note' }).click();
    await expect(notes.panel).toBeHidden();

    // The same number calls again, presented as +86…: recognised, with the earlier note.
    const again = await agent('+8613800138000', '张三');
    const second = await again.call('2000');
    const popup = switchboard.incomingCall('+8613800138000');
    await expect(popup).toBeVisible();
    await expect(popup.getByTestId('incoming-last-note')).toHaveText('Last note: Wants to book the meeting room on Friday');
    await expect(popup).toContainText('1 earlier calls');
    await expect(popup.getByTestId('incoming-name')).toHaveText('Zhang San · Huaxing Tech');

    // Answered: the new note suggests the name and company given last time.
    await switchboard.answerWithF2('+8613800138000');
    await expect(notes.panel).toBeVisible();
    await notes.panel.getByRole('button', { name: 'Fill in Zhang San · Huaxing Tech' }).click();
    await expect(notes.field("Caller's name")).toHaveValue('Zhang San');
    await expect(notes.field('Company')).toHaveValue('Huaxing Tech');
    await again.hangup(second);
  });

  test('typing while talking, then reloading at once: the text is all there and is stored', async ({ switchboard, sipLab, agent, app, page }) => {
    test.setTimeout(120_000);
    const notes = new CallNotePage(app);
    await switchboard.configure(sipLab.wsUrl);
    const caller = await agent('13700137000');
    const sipCall = await caller.call('2000');
    await switchboard.answerWithF2('13700137000');
    await expect(notes.panel).toBeVisible();
    const call = await switchboard.storedCall('13700137000', 'connected');

    // The last keystroke and the reload follow each other at once: the coalesced database write (after a
    // pause in typing) has not run; the unload starts it but need not finish it. The draft brings it back.
    await notes.field('Reason for calling').pressSequentially('Asks whether the parcel from Shenzhen has arrived');
    await page.reload();
    await app.screenLoaded();
    await expect(notes.field('Reason for calling')).toHaveValue('Asks whether the parcel from Shenzhen has arrived');
    await notes.expectSaved();
    await expect.poll(async () => (await notes.storedNotes(call.id)).map((n) => n.reason)).toEqual(['Asks whether the parcel from Shenzhen has arrived']);
    // The reload ended the call on the console's side; the caller hangs up too.
    await caller.hangup(sipCall).catch(() => undefined);
  });

  test('an answered call without a note is listed until its note is written', async ({ switchboard, sipLab, agent, app, page }) => {
    test.setTimeout(120_000);
    const notes = new CallNotePage(app);
    await switchboard.configure(sipLab.wsUrl);
    const caller = await agent('13900139000');
    const sipCall = await caller.call('2000');
    const line = await switchboard.answerWithF2('13900139000');
    await caller.hangup(sipCall);
    await switchboard.expectLineState(line, 'ended');
    await notes.panel.getByRole('button', { name: 'Close note' }).click();
    const missing = page.getByRole('list', { name: 'Calls today without a note' });
    const entry = missing.getByRole('listitem').filter({ hasText: '13900139000' });
    await expect(entry).toBeVisible();
    await entry.getByRole('button', { name: /Write the note for the call at .* from 13900139000/ }).click();
    await notes.field('Reason for calling').pressSequentially('Wrong number');
    await notes.expectSaved();
    await expect(entry).toBeHidden();
  });
});

test.describe('messages', () => {
  test('a message is created, delivered by SIP MESSAGE to the lab agent, acknowledged with a drawn signature and closed', async ({ switchboard, sipLab, agent, app, page }) => {
    test.setTimeout(180_000);
    const messages = new MessagesPage(app);
    await switchboard.configure(sipLab.wsUrl);
    const hosts = await new SeedData(app).sampleHosts();
    const host = hosts[0]!;
    const recipient = await agent(host.extension!, host.name);

    await app.navigate('messages');
    await expect(app.heading).toHaveText('Messages');
    await app.main.getByRole('button', { name: 'New message' }).click();
    const composer = page.getByRole('dialog', { name: 'New message' });
    await messages.pickRecipient(composer, host.extension!, new RegExp(host.name));
    await composer.getByLabel("Caller's name").fill('Zhang San');
    await composer.getByLabel('Call-back number').fill('+86 138 0013 8000');
    await composer.getByLabel('Message', { exact: false }).last().fill('Please call back about the contract');
    await composer.getByRole('button', { name: 'Save message' }).click();
    await expect(composer).toBeHidden();

    const dialog = messages.dialog;
    await expect(dialog).toBeVisible();
    await messages.expectStatus('Open');
    const [stored] = await messages.stored();
    expect(stored).toMatchObject({ status: 'open', toName: host.name, toStaffId: host.id, fromPhoneKey: '+8613800138000' });

    // Delivered by SIP MESSAGE through Kamailio: the recipient's agent receives the text.
    await expect(dialog.getByLabel('Extension or number')).toHaveValue(host.extension!);
    await dialog.getByRole('button', { name: 'Send by SIP MESSAGE' }).click();
    await expect.poll(async () => (await recipient.messages()).map((m) => m.body), { timeout: 15_000 }).toEqual([expect.stringContaining('Please call back about the contract')]);
    const [received] = await recipient.messages();
    expect(received).toMatchObject({ from: '2000', contentType: expect.stringContaining('text/plain') });
    await messages.expectStatus('Delivered');

    // Acknowledged with a signature drawn with the mouse.
    await expect(dialog.getByLabel('Name of the recipient')).toHaveValue(host.name);
    await messages.signature().draw(2);
    await dialog.getByRole('button', { name: 'Confirm acknowledgement' }).click();
    await messages.expectStatus('Acknowledged');
    await expect(dialog.getByRole('img', { name: `Signature of ${host.name}` })).toBeVisible();

    await dialog.getByRole('button', { name: 'Close message' }).click();
    await messages.expectStatus('Closed');

    const final = await messages.storedOne(stored!.id);
    expect(final).toMatchObject({ status: 'closed', acknowledgedBy: host.name, acknowledgement: { method: 'drawn', strokes: 2 } });
    expect(final!.acknowledgement!.signature).toMatch(/^data:image\/png;base64,/);
    expect(final!.deliveries).toEqual([expect.objectContaining({ channel: 'sip', ok: 1, statusCode: 200 })]);
    const audit = (await app.readTable<{ entityId: string; summary: string }>('auditLog')).filter((a) => a.entityId === stored!.id).map((a) => a.summary);
    expect(audit).toEqual([
      expect.stringContaining('message for'),
      expect.stringContaining('delivered by sip (200): open → delivered'),
      expect.stringContaining('acknowledged by'),
      expect.stringContaining('acknowledged → closed'),
    ]);
  });

  test('closing before acknowledgement needs a reason; a refused SIP MESSAGE is recorded as a failed delivery', async ({ switchboard, sipLab, agent, app, page }) => {
    test.setTimeout(120_000);
    const messages = new MessagesPage(app);
    await switchboard.configure(sipLab.wsUrl);
    const hosts = await new SeedData(app).sampleHosts();
    const host = hosts[1]!;
    const recipient = await agent(host.extension!, host.name);
    await recipient.messageReply(480);
    await app.navigate('messages');
    await app.main.getByRole('button', { name: 'New message' }).click();
    const composer = page.getByRole('dialog', { name: 'New message' });
    await composer.getByRole('button', { name: 'Save message' }).click();
    await expect(composer.getByText('Choose who the message is for')).toBeVisible();
    await messages.pickRecipient(composer, host.extension!, new RegExp(host.name));
    await composer.getByLabel('Message', { exact: false }).last().fill('Parcel at the desk');
    await composer.getByRole('button', { name: 'Save message' }).click();
    const dialog = messages.dialog;
    await dialog.getByRole('button', { name: 'Send by SIP MESSAGE' }).click();
    await expect(dialog.getByRole('listitem').filter({ hasText: 'SIP MESSAGE · failed (480)' })).toBeVisible({ timeout: 15_000 });
    await messages.expectStatus('Open');
    const close = dialog.getByRole('button', { name: 'Close as supervisor' });
    await expect(close).toBeDisabled();
    await dialog.getByLabel('Reason for closing early').fill('Collected in person');
    await close.click();
    await messages.expectStatus('Closed');
    const [stored] = await messages.stored();
    expect(stored).toMatchObject({ status: 'closed', closeReason: 'Collected in person' });
    expect(stored!.acknowledgedBy).toBeUndefined();
  });
});
