import { test, expect } from './fixtures';
import { DashboardPage } from './pages/DashboardPage';
import { SeedData } from './pages/SeedData';

test.describe('dashboard', () => {
  test('tiles show today\'s figures for seeded visits, complaints and calls, and link to their screens', async ({ app }) => {
    const dashboard = new DashboardPage(app);
    await dashboard.open();
    const seed = new SeedData(app);
    const { now, startOfDay } = await seed.clock();
    // Instants inside today (before now), whatever time the test runs.
    const today = (fraction: number) => Math.floor(startOfDay + (now - startOfDay) * fraction);
    const day = 86_400_000;
    const v = await seed.visitor('张三', 'ACME');

    await seed.visit(v, { status: 'onSite', arrivedAt: today(0.2), partySize: 3, expectedDepartureAt: today(0.9) }); // overdue
    await seed.visit(v, { status: 'onSite', arrivedAt: today(0.5), partySize: 1, expectedDepartureAt: now + 3_600_000 });
    await seed.visit(v, { status: 'onSite', arrivedAt: startOfDay - day / 2, partySize: 2 }); // since yesterday
    await seed.visit(v, { status: 'left', arrivedAt: today(0.1), leftAt: today(0.3), partySize: 4 });
    await seed.visit(v, { status: 'left', arrivedAt: startOfDay - day, leftAt: startOfDay - day + 1000 });
    await seed.visit(v, { status: 'expected', expectedAt: startOfDay + day - 60_000, partySize: 2 });
    await seed.visit(v, { status: 'expected', expectedAt: startOfDay + day + 3_600_000 }); // tomorrow

    await seed.complaint({ content: 'Lift broken', status: 'open', dueAt: today(0.5) }); // overdue
    await seed.complaint({ content: 'Cold lobby', status: 'inProgress', dueAt: now + 2 * day });
    await seed.complaint({ content: 'Thanks!', kind: 'praise', status: 'answered', reply: 'Thank you', repliedAt: today(0.5), dueAt: today(0.4) });

    for (const [i, ringMs] of [3000, 6000, 9000, 12000].entries()) {
      const startedAt = today(0.1 + i * 0.1);
      await seed.call({ startedAt, answeredAt: startedAt + ringMs, ringMs, endedAt: startedAt + ringMs + 60_000, disposition: 'answered' });
    }
    await seed.call({ startedAt: today(0.6), ringMs: 25_000, disposition: 'abandoned-ringing' });
    await seed.call({ startedAt: today(0.65), answeredAt: today(0.65) + 2000, ringMs: 2000, disposition: 'abandoned-held' });
    await seed.call({ startedAt: today(0.7), ringMs: 30_000, disposition: 'missed' });
    await seed.call({ startedAt: startOfDay - 3_600_000, answeredAt: startOfDay - 3_500_000, ringMs: 100_000, disposition: 'answered' }); // yesterday
    await seed.reload();

    await expect(dashboard.tile('visitorsToday')).toHaveAccessibleName('Visitors today: 3, people: 8');
    await expect(dashboard.tile('onSite')).toHaveAccessibleName('On site now: 3, people: 6');
    await expect(dashboard.tile('overdue')).toHaveAccessibleName('Overdue on site: 1, past their expected departure');
    await expect(dashboard.tile('expected')).toHaveAccessibleName('Still expected today: 1, people: 2');
    await expect(dashboard.tile('complaints')).toHaveAccessibleName('Open complaints: 2, 1 overdue');
    await expect(dashboard.tile('calls')).toHaveAccessibleName('Calls today: 7, 5 answered');
    // Answered inbound ring times: 2 s, 3 s, 6 s, 9 s, 12 s → median 6 s, p90 12 s (nearest rank).
    await expect(dashboard.figure('answerMedian')).toHaveText('6.0 s');
    await expect(dashboard.figure('answerP90')).toHaveText('12.0 s');
    await expect(dashboard.figure('abandoned')).toHaveText('2');
    await expect(dashboard.figure('missed')).toHaveText('1');

    await expect(dashboard.tile('onSite')).toHaveAttribute('href', '#/visitors');
    await expect(dashboard.tile('calls')).toHaveAttribute('href', '#/switchboard');
    await dashboard.tile('calls').click();
    await expect(app.main).toHaveAttribute('data-screen', 'switchboard');
  });

  test('an empty desk shows zeros and no answer time, in Chinese by default', async ({ app }) => {
    await app.open({ language: 'zh-CN', screen: 'dashboard' });
    await expect(app.heading).toHaveText('今日概览');
    await expect(app.main.locator('a[data-tile="onSite"]')).toHaveAccessibleName('当前在场：0，0 人');
    await expect(app.main.locator('a[data-tile="answerMedian"] [data-figure]')).toHaveText('无');
  });
});
