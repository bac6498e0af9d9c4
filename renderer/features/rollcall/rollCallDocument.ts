// The roll call as a printed page (A4, one table, repeated header on every sheet) and as CSV for a
// spreadsheet. Both are built from the same rows and the same translated column names.
import { csvDocument } from '@shared/formats/csv';
import { escapeHtml } from '@shared/formats/html';
import type { RollCall, RollCallRow } from './rollCall';

export const ROLL_CALL_COLUMNS = ['department', 'host', 'extension', 'visitor', 'organisation', 'arrivedAt', 'partySize'] as const;
export type RollCallColumn = (typeof ROLL_CALL_COLUMNS)[number];

export interface RollCallLabels {
  title: string;
  summary: string;
  generatedAt: string;
  columns: Record<RollCallColumn, string>;
  noHost: string;
  formatTime: (at: number) => string;
  /** Desks not synced for over a minute (the count may be missing their visitors), printed under the count. */
  staleWarning?: string;
}

function cells(row: RollCallRow, labels: RollCallLabels): Record<RollCallColumn, string> {
  return {
    department: row.departmentName ?? '',
    host: row.hostName ?? labels.noHost,
    extension: row.hostExtension ?? '',
    visitor: row.visitorName,
    organisation: row.organisation ?? '',
    arrivedAt: row.arrivedAt !== undefined ? labels.formatTime(row.arrivedAt) : '',
    partySize: String(row.partySize),
  };
}

export function rollCallHtml(rollCall: RollCall, rows: readonly RollCallRow[], labels: RollCallLabels, language: string): string {
  const head = ROLL_CALL_COLUMNS.map((c) => `<th scope="col">${escapeHtml(labels.columns[c])}</th>`).join('');
  const body = rows
    .map((row) => {
      const c = cells(row, labels);
      return `<tr>${ROLL_CALL_COLUMNS.map((col) => `<td${col === 'partySize' ? ' class="n"' : ''}>${escapeHtml(c[col])}</td>`).join('')}<td class="tick"></td></tr>`;
    })
    .join('');
  return `<!doctype html><html lang="${escapeHtml(language)}"><head><meta charset="utf-8"><title>${escapeHtml(labels.title)}</title><style>
@page { size: A4; margin: 12mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10.5pt; color: #000; margin: 0; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
p { margin: 0 0 1mm; }
.summary { font-size: 13pt; font-weight: 700; }
.stale { font-weight: 700; border: 0.5mm solid #000; padding: 1mm 2mm; }
table { width: 100%; border-collapse: collapse; margin-top: 4mm; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; }
th, td { border: 0.3mm solid #000; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
th { background: #eee; }
td.n { text-align: right; }
td.tick { width: 10mm; }
</style></head><body>
<h1>${escapeHtml(labels.title)}</h1>
<p class="summary">${escapeHtml(labels.summary)}</p>
${labels.staleWarning ? `<p class="stale">⚠ ${escapeHtml(labels.staleWarning)}</p>\n` : ''}<p>${escapeHtml(labels.generatedAt)}</p>
<table><thead><tr>${head}<th scope="col">✓</th></tr></thead><tbody>${body}</tbody></table>
</body></html>`;
}

/**
 * UTF-8 with a byte-order mark, formula injection neutralised, CRLF lines (shared/formats/csv.ts). Desks not
 * synced for over a minute are named after the rows, below one empty row, as on the paper: whoever opens the
 * file at the assembly point must know the count may be short, and the rows above stay one table to sort.
 */
export function rollCallCsv(rows: readonly RollCallRow[], labels: RollCallLabels): string {
  const body = rows.map((row) => {
    const c = cells(row, labels);
    return ROLL_CALL_COLUMNS.map((col) => c[col]);
  });
  const warning = labels.staleWarning ? [[], [`⚠ ${labels.staleWarning}`]] : [];
  return csvDocument(ROLL_CALL_COLUMNS.map((c) => labels.columns[c]), [...body, ...warning]);
}
