// The records of an imported CSV, each with the row number a spreadsheet shows for it, and the parser's
// own errors per row. One rule for every import (directory, expected visitors): the row number is the
// line the record starts on, counting blank lines and the extra lines of multi-line cells, so "row 7"
// in the preview is row 7 in Excel. Blank records are skipped (they are not rows anybody means).
//
// An unclosed quote makes papaparse read the rest of the file into one cell (17 rows became one "bad
// row"). Its `errors` say where: that row is reported as a syntax error with its number, and reading
// starts again on the next line, so every other row is still checked and imported on its own.
import Papa from 'papaparse';
import { cleanText } from '../text/cleanText';

export interface CsvRecord {
  /** Line the record starts on (1-based; the header is usually row 1). */
  rowNumber: number;
  /** Cells as read, cleaned of bidi overrides and NUL/ESC-like controls (text/cleanText.ts). */
  cells: string[];
}

export const CSV_SYNTAX_PROBLEMS = ['unclosedQuote', 'malformedQuote'] as const;
export type CsvSyntaxProblem = (typeof CSV_SYNTAX_PROBLEMS)[number];

export interface CsvSyntaxError {
  rowNumber: number;
  problem: CsvSyntaxProblem;
  /** The row's first line as it is in the file (cleaned, at most 200 characters), to show beside the reason. */
  line: string;
  /** The parser's own message (English), for logs and bug reports. */
  detail: string;
}

export interface CsvRecords {
  records: CsvRecord[];
  syntaxErrors: CsvSyntaxError[];
}

const LINE_SHOWN = 200;

/** Offset just after the first line break at or after `from` (the end of the text when there is none). */
function nextLineStart(text: string, from: number): number {
  for (let i = from; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === '\n') return i + 1;
    if (ch === '\r') return text[i + 1] === '\n' ? i + 2 : i + 1;
  }
  return text.length;
}

/** Line breaks in text[from, to): CRLF counts once, a lone CR or LF once each. */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i += 1) {
    const ch = text[i];
    if (ch === '\n') count += 1;
    else if (ch === '\r') {
      count += 1;
      if (text[i + 1] === '\n') i += 1;
    }
  }
  return count;
}

function firstLine(text: string, from: number): string {
  const end = nextLineStart(text, from);
  return cleanText(text.slice(from, end).replace(/[\r\n]+$/, '')).slice(0, LINE_SHOWN);
}

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * The delimiter, from the header line (the first line with anything on it): the candidate it holds most
 * often, a comma when it holds none (a one-column file). papaparse's own guess compares field counts over
 * several rows and gives up on a small file ending in a line break, or on one with an unclosed quote.
 */
function guessDelimiter(text: string): string {
  let from = 0;
  while (from < text.length && /[\r\n]/.test(text[from]!)) from += 1;
  const header = text.slice(from, nextLineStart(text, from));
  let best: string = ',';
  let bestCount = 0;
  for (const candidate of DELIMITERS) {
    const count = header.split(candidate).length - 1;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

/** Reads every record of a CSV text (a leading BOM is ignored); the delimiter is detected from the file. */
export function readCsvRecords(input: string): CsvRecords {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const result: CsvRecords = { records: [], syntaxErrors: [] };
  const delimiter = guessDelimiter(text);
  let offset = 0;
  let line = 1;
  while (offset < text.length) {
    let restartAt: number | undefined;
    let recordStart = offset;
    const base = offset;
    Papa.parse<string[]>(text.slice(offset), {
      delimiter,
      step: (step, parser) => {
        const start = recordStart;
        const end = base + step.meta.cursor;
        const codes = new Set(step.errors.map((e) => e.code));
        const detail = step.errors.filter((e) => e.type === 'Quotes').map((e) => e.message).join('; ');
        if (codes.has('MissingQuotes')) {
          result.syntaxErrors.push({ rowNumber: line, problem: 'unclosedQuote', line: firstLine(text, start), detail });
          restartAt = nextLineStart(text, start);
          line += 1;
          parser.abort();
          return;
        }
        if (codes.has('InvalidQuotes')) {
          result.syntaxErrors.push({ rowNumber: line, problem: 'malformedQuote', line: firstLine(text, start), detail });
        } else if (step.data.some((cell) => cell.trim() !== '')) {
          result.records.push({ rowNumber: line, cells: step.data.map(cleanText) });
        }
        line += lineBreaks(text, start, end);
        recordStart = end;
      },
    });
    if (restartAt === undefined) break;
    offset = restartAt;
  }
  return result;
}
