// The weekly phone-record volume as a print document (issue 12 item 2): one self-contained HTML page per
// printed sheet, laid out by shared/archive/weeklyVolume.ts (`layoutVolume`), so the cover, the table of
// contents with its page numbers and the "n / N" footer of every sheet are fixed before the print engine
// sees the document; every line has the same height and long text is cut, never wrapped, so a sheet holds
// exactly the lines it was given. The same HTML goes to Electron's printToPDF (print.toPdf) and to the
// browser's print dialog. Every text from the records is escaped (shared/formats/html.ts).
import { escapeHtml } from '@shared/formats/html';
import { layoutVolume, NO_CATEGORY, type TocEntry, type VolumeCall, type VolumeLine, type VolumeTotals, type WeeklyVolume } from '@shared/archive/weeklyVolume';

export interface VolumeLabels {
  /** The document's title, e.g. "电话记录周册 2026-W45". */
  title: string;
  /** The cover's lines under the title (the week, its dates, the desk, when it was made, the page count). */
  coverLines: (pages: number) => string[];
  totalsTitle: string;
  contents: string;
  columns: { time: string; direction: string; number: string; caller: string; company: string; disposition: string; answer: string; talk: string };
  category: (category: string) => string;
  direction: (direction: VolumeCall['direction']) => string;
  disposition: (disposition: string) => string;
  day: (start: number) => string;
  time: (at: number) => string;
  seconds: (ms: number | undefined) => string;
  totals: (totals: VolumeTotals) => string;
  /** The cover's table of the week's totals: [name, value] rows. */
  coverTotals: (totals: VolumeTotals) => [string, string][];
  categoryTotals: (category: string, totals: VolumeTotals) => string;
  dayTotals: (day: string, totals: VolumeTotals) => string;
  continued: string;
  noCalls: string;
  pageOf: (page: number, pages: number) => string;
}

export interface VolumeDocument {
  html: string;
  pages: number;
}

const STYLE = `
@page { size: A4; margin: 10mm; }
html, body { margin: 0; padding: 0; }
body { font-family: "Noto Sans CJK SC", "Noto Sans CJK TC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 9pt; color: #000; }
.sheet { position: relative; box-sizing: border-box; height: 272mm; overflow: hidden; padding: 2mm 4mm 0; break-after: page; page-break-after: always; }
.sheet:last-child { break-after: auto; page-break-after: auto; }
.foot { position: absolute; left: 0; right: 0; bottom: 1mm; text-align: center; font-size: 9pt; }
.head { font-size: 8pt; border-bottom: 0.2mm solid #000; height: 6mm; line-height: 6mm; margin-bottom: 2mm; white-space: nowrap; overflow: hidden; }
h1 { font-size: 22pt; margin: 60mm 0 8mm; text-align: center; }
.cover p { text-align: center; font-size: 12pt; margin: 0 0 3mm; }
h2 { font-size: 13pt; margin: 4mm 0 4mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
td, th { height: 6.4mm; max-height: 6.4mm; padding: 0 1.2mm; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; text-align: left; font-weight: normal; border-bottom: 0.1mm solid #999; }
tr.day th { font-size: 11pt; font-weight: 700; border-bottom: 0.4mm solid #000; }
tr.cat th { font-weight: 700; background: #eee; }
tr.cols th { font-size: 8pt; color: #333; }
tr.sum td { font-weight: 700; }
td.n { text-align: right; }
.toc td.p { text-align: right; width: 20mm; }
.toc td.c { padding-left: 8mm; }
.cover table { width: 100mm; margin: 10mm auto 6mm; }
.cover caption { font-weight: 700; font-size: 12pt; padding-bottom: 2mm; }
.cover p.totals { font-size: 10pt; white-space: normal; }
`;

const COLUMN_WIDTHS = ['14mm', '14mm', '30mm', '30mm', '36mm', '24mm', '16mm', '16mm'];

function headingOf(volume: WeeklyVolume, day: number, category: number | undefined, labels: VolumeLabels): string {
  const d = volume.days[day]!;
  if (category === undefined) return labels.day(d.start);
  return labels.category(d.categories[category]!.category);
}

function lineHtml(volume: WeeklyVolume, line: VolumeLine, labels: VolumeLabels): string {
  const span = COLUMN_WIDTHS.length;
  switch (line.kind) {
    case 'dayHeading':
      return `<tr class="day"><th colspan="${span}" scope="colgroup">${escapeHtml(headingOf(volume, line.day, undefined, labels))}${line.continued ? ` ${escapeHtml(labels.continued)}` : ''}</th></tr>`;
    case 'categoryHeading':
      return `<tr class="cat"><th colspan="${span}" scope="colgroup">${escapeHtml(headingOf(volume, line.day, line.category, labels))}${line.continued ? ` ${escapeHtml(labels.continued)}` : ''}</th></tr>`;
    case 'columns': {
      const c = labels.columns;
      return `<tr class="cols">${[c.time, c.direction, c.number, c.caller, c.company, c.disposition, c.answer, c.talk].map((t) => `<th scope="col">${escapeHtml(t)}</th>`).join('')}</tr>`;
    }
    case 'call': {
      const call = line.call;
      const answer = call.direction === 'inbound' && call.answeredAt !== undefined ? labels.seconds(call.ringMs) : '';
      const cells = [labels.time(call.startedAt), labels.direction(call.direction), call.remoteNumber, call.callerName ?? call.remoteName ?? '', call.company ?? '', labels.disposition(call.disposition)];
      return `<tr>${cells.map((t) => `<td>${escapeHtml(t)}</td>`).join('')}<td class="n">${escapeHtml(answer)}</td><td class="n">${escapeHtml(call.talkMs !== undefined ? labels.seconds(call.talkMs) : '')}</td></tr>`;
    }
    case 'categoryTotals': {
      const category = volume.days[line.day]!.categories[line.category]!;
      return `<tr class="sum"><td colspan="${span}">${escapeHtml(labels.categoryTotals(labels.category(category.category), category.totals))}</td></tr>`;
    }
    case 'dayTotals': {
      const day = volume.days[line.day]!;
      return `<tr class="sum"><td colspan="${span}">${escapeHtml(labels.dayTotals(labels.day(day.start), day.totals))}</td></tr>`;
    }
    case 'noCalls':
      return `<tr><td colspan="${span}">${escapeHtml(labels.noCalls)}</td></tr>`;
  }
}

function tocLine(volume: WeeklyVolume, entry: TocEntry, labels: VolumeLabels): string {
  const label = headingOf(volume, entry.day, entry.category, labels);
  return `<tr><td class="${entry.kind === 'category' ? 'c' : ''}">${escapeHtml(label)}</td><td class="p">${entry.page}</td></tr>`;
}

/** The print document of a volume, and how many sheets it has. */
export function volumeHtml(volume: WeeklyVolume, labels: VolumeLabels, language: string): VolumeDocument {
  const layout = layoutVolume(volume);
  const sheets = layout.pages.map((page) => {
    const foot = `<div class="foot">${escapeHtml(labels.pageOf(page.number, layout.pageCount))}</div>`;
    if (page.kind === 'cover') {
      const rows = labels.coverTotals(volume.totals).map(([name, value]) => `<tr><th scope="row">${escapeHtml(name)}</th><td class="n">${escapeHtml(value)}</td></tr>`).join('');
      return `<section class="sheet cover"><h1>${escapeHtml(labels.title)}</h1>${labels.coverLines(layout.pageCount).map((l) => `<p>${escapeHtml(l)}</p>`).join('')}
<table><caption>${escapeHtml(labels.totalsTitle)}</caption><tbody>${rows}</tbody></table>
<p class="totals">${escapeHtml(labels.totals(volume.totals))}</p>${foot}</section>`;
    }
    const head = `<div class="head">${escapeHtml(labels.title)}</div>`;
    if (page.kind === 'toc') {
      return `<section class="sheet toc">${head}<h2>${escapeHtml(labels.contents)}</h2><table><tbody>${page.entries.map((e) => tocLine(volume, e, labels)).join('')}</tbody></table>${foot}</section>`;
    }
    const cols = COLUMN_WIDTHS.map(() => '<col>').join('');
    return `<section class="sheet">${head}<table><colgroup>${cols}</colgroup><tbody>${page.lines.map((l) => lineHtml(volume, l, labels)).join('')}</tbody></table>${foot}</section>`;
  });
  const html = `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(labels.title)}</title><style>${STYLE}${COLUMN_WIDTHS.map((w, i) => `col:nth-child(${i + 1}) { width: ${w}; }`).join(' ')}</style></head><body>
${sheets.join('\n')}
</body></html>`;
  return { html, pages: layout.pageCount };
}

export { NO_CATEGORY };
