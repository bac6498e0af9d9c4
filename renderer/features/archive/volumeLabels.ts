// The weekly volume's print document in the console's language: its labels from the archive strings (the
// note categories' names from the call notes' strings), and the document itself for one week of the database.
import type { TFunction } from 'i18next';
import { formatIsoWeek, NO_CATEGORY, type IsoWeek, type VolumeTotals, type WeeklyVolume } from '@shared/archive/weeklyVolume';
import type { FrontDeskDatabase } from '../../db';
import { weeklyVolumesOf } from '../../db/weeklyVolumeRepository';
import { volumeHtml, type VolumeDocument, type VolumeLabels } from './volumeDocument';

export function volumeLabels(t: TFunction, language: string, volume: WeeklyVolume, deskId: string, now: number): VolumeLabels {
  const week = formatIsoWeek(volume.week);
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'long' });
  const day = new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric', weekday: 'long' });
  const time = new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit', hour12: false });
  const stamp = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const seconds = (ms: number | undefined) => (ms === undefined ? t('volumes.doc.none') : t('volumes.doc.seconds', { count: Math.round(ms / 100) / 10 }));
  const totals = (x: VolumeTotals) => t('volumes.doc.totals', { calls: x.calls, answered: x.answered, missed: x.missed, p50: seconds(x.p50Ms), p90: seconds(x.p90Ms) });
  const lastDay = volume.to - 86_400_000 / 2; // the Sunday (half a day before the next Monday, whatever the clock change)
  return {
    title: t('volumes.doc.title', { week }),
    coverLines: (pages) => [
      t('volumes.doc.weekLine', { year: volume.week.year, week: volume.week.week }),
      t('volumes.doc.rangeLine', { from: date.format(volume.from), to: date.format(lastDay) }),
      t('volumes.doc.deskLine', { desk: deskId }),
      t('volumes.doc.generatedLine', { time: stamp.format(now) }),
      t('volumes.doc.pagesLine', { count: pages }),
    ],
    totalsTitle: t('volumes.doc.totalsTitle'),
    coverTotals: (x) => [
      [t('volumes.columns.calls'), String(x.calls)],
      [t('volumes.columns.answered'), String(x.answered)],
      [t('volumes.columns.missed'), String(x.missed)],
      [t('volumes.columns.p50'), seconds(x.p50Ms)],
      [t('volumes.columns.p90'), seconds(x.p90Ms)],
    ],
    contents: t('volumes.doc.contents'),
    columns: {
      time: t('volumes.doc.columns.time'),
      direction: t('volumes.doc.columns.direction'),
      number: t('volumes.doc.columns.number'),
      caller: t('volumes.doc.columns.caller'),
      company: t('volumes.doc.columns.company'),
      disposition: t('volumes.doc.columns.disposition'),
      answer: t('volumes.doc.columns.answer'),
      talk: t('volumes.doc.columns.talk'),
    },
    category: (category) => (category === NO_CATEGORY ? t('volumes.doc.noCategory') : t(`categories.${category}`, { ns: 'callnotes', defaultValue: category })),
    direction: (direction) => t(`calls.directions.${direction}`),
    disposition: (disposition) => t(`calls.dispositions.${disposition}`, { defaultValue: disposition }),
    day: (start) => day.format(start),
    time: (at) => time.format(at),
    seconds,
    totals,
    categoryTotals: (category, x) => t('volumes.doc.categoryTotals', { category, totals: totals(x) }),
    dayTotals: (name, x) => t('volumes.doc.dayTotals', { day: name, totals: totals(x) }),
    continued: t('volumes.doc.continued'),
    noCalls: t('volumes.doc.noCalls'),
    pageOf: (page, pages) => t('volumes.doc.pageOf', { page, pages }),
  };
}

export interface BuiltVolume extends VolumeDocument {
  volume: WeeklyVolume;
  title: string;
}

/** Reads the week from the database and builds its print document. */
export async function buildVolumeDocument(db: FrontDeskDatabase, week: IsoWeek, t: TFunction, language: string, now = Date.now()): Promise<BuiltVolume> {
  const volume = await weeklyVolumesOf(db).volumeOf(week);
  const labels = volumeLabels(t, language, volume, db.desk.deskId, now);
  return { ...volumeHtml(volume, labels, language), volume, title: labels.title };
}
