// Pre-registration from a CSV (hosts send the desk a list of tomorrow's guests). Same approach as the
// directory import: every row is checked on its own and the desk sees each bad row, field and reason,
// numbered by the same rule (csv/csvRecords.ts: the line the row starts on, as a spreadsheet shows it).
import { readCsvRecords, type CsvSyntaxError } from '../csv/csvRecords';
import { normaliseText } from '../search/textNormalise';
import { cleanName, cleanText } from '../text/cleanText';
import { checkRegistration, type RegistrationErrorCode, type RegistrationInput } from './registration';

export const EXPECTED_COLUMNS = ['name', 'company', 'phone', 'host', 'date', 'time', 'purpose', 'partySize', 'vehiclePlate', 'notes'] as const;
export type ExpectedColumn = (typeof EXPECTED_COLUMNS)[number];

const HEADER_ALIASES: Record<ExpectedColumn, string[]> = {
  name: ['name', 'visitor', 'visitorname', '姓名', '访客', '訪客', '访客姓名', '訪客姓名'],
  company: ['company', 'organisation', 'organization', 'org', '单位', '單位', '公司', '来访单位', '來訪單位'],
  phone: ['phone', 'mobile', 'tel', '电话', '電話', '手机', '手機', '联系电话', '聯絡電話'],
  host: ['host', 'hostname', 'extension', '拜访对象', '拜訪對象', '被访人', '被訪人', '接待人', '分机', '分機'],
  date: ['date', '日期', '来访日期', '來訪日期'],
  time: ['time', '时间', '時間', '预计时间', '預計時間'],
  purpose: ['purpose', 'reason', '事由', '来访事由', '來訪事由'],
  partySize: ['partysize', 'people', 'persons', '人数', '人數'],
  vehiclePlate: ['plate', 'vehicleplate', 'vehicle', 'car', '车牌', '車牌', '车牌号', '車牌號'],
  notes: ['notes', 'note', 'remarks', '备注', '備註'],
};

/** Columns that may hold several lines; every other column is one line (a name, a phone, a time …). */
const MULTILINE_COLUMNS: ReadonlySet<ExpectedColumn> = new Set(['purpose', 'notes']);

const aliasToColumn = new Map<string, ExpectedColumn>();
for (const column of EXPECTED_COLUMNS) for (const alias of HEADER_ALIASES[column]) aliasToColumn.set(alias, column);

export type ExpectedRowErrorReason = RegistrationErrorCode | 'unknownHost' | 'ambiguousHost' | 'date' | 'time';

export interface ExpectedRowError {
  rowNumber: number;
  field: ExpectedColumn;
  reason: ExpectedRowErrorReason;
  value: string;
}

export interface ExpectedRow {
  rowNumber: number;
  input: RegistrationInput & { expectedAt: number };
  hostName?: string;
}

export interface ExpectedParseResult {
  rows: ExpectedRow[];
  errors: ExpectedRowError[];
  /** Rows the CSV parser could not read (an unclosed or malformed quote), each with its row number. */
  syntaxErrors: CsvSyntaxError[];
  /** Rows with at least one error, syntax errors included (skipped on import). */
  badRowCount: number;
  ignoredHeaders: string[];
  problem?: 'empty' | 'missingColumns';
}

export interface HostLookup {
  /** Staff by extension. */
  byExtension: ReadonlyMap<string, { id: string; name: string }>;
  /** Staff by exact name (several people may share one). */
  byName: ReadonlyMap<string, { id: string; name: string }[]>;
}

/** "2025-03-14", "2025/3/14", "20250314" → [y, m, d]. */
function parseDate(value: string): [number, number, number] | undefined {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(value.normalize('NFKC').trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  return date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d ? [y, mo, d] : undefined;
}

function parseTime(value: string): [number, number] | undefined {
  const m = /^(\d{1,2})[:：点時时](\d{2})?分?$/.exec(value.normalize('NFKC').trim());
  if (!m) return undefined;
  const [h, min] = [Number(m[1]), Number(m[2] ?? 0)];
  return h < 24 && min < 60 ? [h, min] : undefined;
}

/**
 * Parses a CSV of expected visitors. A row without a date uses `defaultDate` (the day shown on screen);
 * without a time, 09:00. Dates are read in the desk's time zone.
 */
export function parseExpectedCsv(text: string, hosts: HostLookup, defaultDate: Date): ExpectedParseResult {
  const { records, syntaxErrors } = readCsvRecords(text);
  const result: ExpectedParseResult = { rows: [], errors: [], syntaxErrors, badRowCount: syntaxErrors.length, ignoredHeaders: [] };
  const header = records[0]?.cells;
  if (!header) return { ...result, problem: 'empty' };
  const index = new Map<ExpectedColumn, number>();
  header.forEach((cell, i) => {
    const column = aliasToColumn.get(normaliseText(cell).replace(/[\s_]/g, ''));
    if (column && !index.has(column)) index.set(column, i);
    else if (cell.trim()) result.ignoredHeaders.push(cell.trim());
  });
  if (!index.has('name')) return { ...result, problem: 'missingColumns' };

  for (const { rowNumber, cells } of records.slice(1)) {
    // Cleaned as the registration form's fields are (text/cleanText.ts), so the preview shows and the
    // import stores exactly what will be matched against the watchlist.
    const cell = (c: ExpectedColumn) => {
      const at = index.get(c);
      const value = at === undefined ? '' : (cells[at] ?? '');
      return MULTILINE_COLUMNS.has(c) ? cleanText(value).trim() : cleanName(value);
    };
    const rowErrors: ExpectedRowError[] = [];
    const add = (field: ExpectedColumn, reason: ExpectedRowErrorReason) => rowErrors.push({ rowNumber, field, reason, value: cell(field) });

    const date = cell('date') ? parseDate(cell('date')) : [defaultDate.getFullYear(), defaultDate.getMonth() + 1, defaultDate.getDate()] as [number, number, number];
    if (!date) add('date', 'date');
    const time = cell('time') ? parseTime(cell('time')) : ([9, 0] as [number, number]);
    if (!time) add('time', 'time');

    let hostStaffId: string | undefined;
    let hostName: string | undefined;
    const host = cell('host');
    if (host) {
      const byExt = /^\d{2,8}$/.test(host) ? hosts.byExtension.get(host) : undefined;
      const byName = hosts.byName.get(host.replace(/\s+/g, '')) ?? [];
      const found = byExt ?? (byName.length === 1 ? byName[0] : undefined);
      if (found) ({ id: hostStaffId, name: hostName } = found);
      else add('host', byName.length > 1 ? 'ambiguousHost' : 'unknownHost');
    }

    const expectedAt = date && time ? new Date(date[0], date[1] - 1, date[2], time[0], time[1]).getTime() : 0;
    const input = {
      name: cell('name'), company: cell('company'), phone: cell('phone'), hostStaffId, purpose: cell('purpose'),
      partySize: cell('partySize'), vehiclePlate: cell('vehiclePlate'), notes: cell('notes'), expectedAt,
    };
    const checked = checkRegistration(input);
    for (const [field, reason] of Object.entries(checked.errors)) {
      const column = (EXPECTED_COLUMNS as readonly string[]).includes(field) ? (field as ExpectedColumn) : field === 'hostStaffId' ? 'host' : 'name';
      if (!rowErrors.some((e) => e.field === column)) add(column, reason);
    }
    if (rowErrors.length > 0) {
      result.errors.push(...rowErrors);
      result.badRowCount += 1;
    } else {
      result.rows.push({ rowNumber, input, ...(hostName ? { hostName } : {}) });
    }
  }
  return result;
}
