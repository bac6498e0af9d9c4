import { test, expect } from './fixtures';
import { ComplaintsPage } from './pages/ComplaintsPage';
import { SeedData } from './pages/SeedData';

interface StoredComplaint {
  id: string;
  kind: string;
  status: string;
  name?: string;
  contact?: string;
  content: string;
  category?: string;
  ownerName?: string;
  ownerStaffId?: string;
  dueAt?: number;
  reply?: string;
  repliedAt?: number;
  followUps: Array<{ text: string; by: string }>;
  createdAt: number;
}

test.describe('suggestions and complaints', () => {
  test('log one from the keyboard, follow it up, reply: answered with the reply date; all audited', async ({ app, page }) => {
    const complaints = new ComplaintsPage(app);
    await complaints.open();

    await page.keyboard.press('Alt+N');
    await expect(complaints.dialog).toHaveAccessibleName('New suggestion or complaint');
    await complaints.dialog.getByRole('combobox', { name: 'Kind' }).selectOption('Complaint');
    await complaints.field('From').fill('王女士');
    await complaints.field('Contact').fill('138 0013 8000');
    await complaints.field(/^What was said/).fill('等候区空调太冷');
    await complaints.field('Category').fill('环境');
    await complaints.dialog.getByRole('combobox', { name: 'Owner' }).fill('行政专员');
    await page.keyboard.press('Control+Enter');
    await expect(complaints.dialog).toBeHidden();

    const row = complaints.row('等候区空调太冷');
    await expect(row).toContainText('Open');
    let [stored] = await app.readTable<StoredComplaint>('complaints');
    expect(stored).toMatchObject({ kind: 'complaint', status: 'open', name: '王女士', contact: '138 0013 8000', category: '环境', ownerName: '行政专员', followUps: [] });
    expect(stored!.dueAt).toBeGreaterThan(stored!.createdAt + 2 * 86_400_000);

    await row.focus();
    await page.keyboard.press('Enter');
    await expect(complaints.dialog).toHaveAccessibleName('Suggestion or complaint');
    await complaints.field('Follow-up note').fill('已通知物业调高温度');
    await page.keyboard.press('Enter');
    await expect(complaints.dialog.getByText('已通知物业调高温度')).toBeVisible();
    await expect(complaints.dialog.getByRole('combobox', { name: 'Status' })).toHaveValue('inProgress');
    await complaints.field('Reply').fill('空调已调整，感谢您的反馈。');
    await complaints.dialog.getByRole('button', { name: 'Save reply' }).click();
    await expect(complaints.dialog.getByText(/^Replied on: /)).toBeVisible();
    await expect(complaints.dialog.getByRole('combobox', { name: 'Status' })).toHaveValue('answered');
    await complaints.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(row).toContainText('Answered');

    [stored] = await app.readTable<StoredComplaint>('complaints');
    expect(stored).toMatchObject({ status: 'answered', reply: '空调已调整，感谢您的反馈。', followUps: [expect.objectContaining({ text: '已通知物业调高温度', by: await app.supervisorId() })] });
    expect(stored!.repliedAt).toBeGreaterThanOrEqual(stored!.createdAt);
    const audit = (await app.readTable<{ entityId: string; action: string; summary: string }>('auditLog')).filter((a) => a.entityId === stored!.id);
    expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(audit[2]!.summary).toContain('replied');
  });

  test('flags a past-due open item as overdue and filters by status', async ({ app }) => {
    const complaints = new ComplaintsPage(app);
    await complaints.open();
    const seed = new SeedData(app);
    const { now } = await seed.clock();
    await seed.complaint({ content: '上周的投诉还没回复', status: 'open', dueAt: now - 86_400_000, createdAt: now - 5 * 86_400_000 });
    await seed.complaint({ content: '新的建议', kind: 'suggestion', status: 'open', dueAt: now + 3 * 86_400_000 });
    await seed.complaint({ content: '已经答复的表扬', kind: 'praise', status: 'answered', reply: '谢谢', repliedAt: now - 1000, dueAt: now - 86_400_000 });
    await seed.reload();
    await complaints.open();

    await expect(complaints.row('上周的投诉还没回复').locator('[data-overdue]')).toHaveText('Overdue');
    await expect(complaints.row('新的建议').locator('[data-overdue]')).toHaveCount(0);
    await expect(complaints.row('已经答复的表扬').locator('[data-overdue]')).toHaveCount(0);

    await complaints.panel.getByRole('combobox', { name: 'Status' }).selectOption('Answered');
    await expect(complaints.table.locator('tbody tr')).toHaveCount(1);
    await expect(complaints.row('已经答复的表扬')).toBeVisible();
  });
});
