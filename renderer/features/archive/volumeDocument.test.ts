// The weekly volume's print document: what the records say is escaped, never markup; every sheet carries
// "n / N" and the contents name the sheet each day starts on (the PDF itself: tests/e2e/weeklyVolumes.spec.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import type { i18n as I18n } from 'i18next';
import { buildWeeklyVolume, layoutVolume, type VolumeCall } from '@shared/archive/weeklyVolume';
import { initI18n } from '../../i18n';
import { callNotesLocales } from '../callnotes/locales';
import { archiveLocales } from './locales';
import { volumeHtml } from './volumeDocument';
import { volumeLabels } from './volumeLabels';

let i18n: I18n;
beforeAll(async () => {
  i18n = await initI18n('zh-CN', { archive: archiveLocales, callnotes: callNotesLocales });
});

const local = (d: number, h: number) => new Date(2026, 10, d, h).getTime();
const call = (id: string, startedAt: number, extra: Partial<VolumeCall>): VolumeCall => ({ id, startedAt, direction: 'inbound', remoteNumber: '13800138000', disposition: 'answered', answeredAt: startedAt + 3000, ringMs: 3000, ...extra });

describe('weekly volume document', () => {
  it('escapes the records, numbers every sheet and points the contents at the right sheets', () => {
    const volume = buildWeeklyVolume({ year: 2026, week: 45 }, [
      call('A', local(2, 9), { callerName: '<img src=x onerror=alert(1)>', company: '"北京"&<公司>', category: 'enquiry' }),
      ...Array.from({ length: 40 }, (_, i) => call(`B${String(i).padStart(2, '0')}`, local(4, 8) + i * 60_000, { callerName: `来电人${i}`, category: 'forPerson' })),
    ]);
    const t = i18n.getFixedT('zh-CN', 'archive');
    const { html, pages } = volumeHtml(volume, volumeLabels(t, 'zh-CN', volume, 'DESK-1', local(9, 8)), 'zh-CN');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('&#34;北京&#34;&#38;&#60;公司&#62;');
    const layout = layoutVolume(volume);
    expect(pages).toBe(layout.pageCount);
    expect(html.match(/<section class="sheet/g)).toHaveLength(pages);
    for (let n = 1; n <= pages; n += 1) expect(html).toContain(`<div class="foot">${n} / ${pages}</div>`);
    expect(html).toContain('电话记录周册 2026-W45');
    expect(html).toContain('找人小计：通话 40，接听 40，未接 0');
    // Wednesday (40 calls) starts on the sheet its contents entry names.
    const wednesday = layout.toc.find((e) => e.kind === 'day' && e.day === 2)!;
    const sheets = html.split('<section class="sheet').slice(1);
    expect(sheets[wednesday.page - 1]).toContain('11月4日星期三');
  });
});
