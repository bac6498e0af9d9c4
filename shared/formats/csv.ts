// CSV for people to open in a spreadsheet (the roll call today; the archive and parcels next). A
// spreadsheet must not run a visitor-typed "=HYPERLINK(…)" as a formula (CSV injection): a cell that
// starts with a formula character (= + - @, tab, carriage return) gets a leading apostrophe, as OWASP
// recommends. Cells with a comma, quote or line break are quoted (RFC 4180); lines end in CRLF.
// Bidi overrides and NUL/ESC-like controls never reach the file (text/cleanText.ts): they are removed
// first, so they can neither reorder what the reader sees nor hide a formula character behind them.
import { cleanText } from '../text/cleanText';

/** Leading characters a spreadsheet treats as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: formula neutralised, quoted when needed. */
export function csvCell(value: string): string {
  const clean = cleanText(value);
  const safe = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

export interface CsvDocumentOptions {
  /** A UTF-8 byte-order mark first, so spreadsheet programs read Chinese text correctly (default on). */
  bom?: boolean;
}

/** A whole file: the header line, then one line per row, each ending in CRLF. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[], options: CsvDocumentOptions = {}): string {
  const lines = [header, ...rows].map(csvLine);
  return `${options.bom === false ? '' : '\uFEFF'}${lines.join('\r\n')}\r\n`;
}
