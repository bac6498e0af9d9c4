// Reading a staff directory from a CSV file exported from a spreadsheet or an HR system. Such files
// arrive in Chinese or English headers, with or without a UTF-8 BOM, and with the odd broken row; every
// row is checked on its own so one typo never blocks the other rows, and the person sees exactly which
// row and field is wrong and why.
import Papa from 'papaparse';
import { staffInputSchema, type FieldErrorCode, type StaffFields } from '../domain/directory';
import { normaliseText } from '../search/searchKeys';

export const DIRECTORY_COLUMNS = ['name', 'department', 'title', 'extension', 'mobile', 'email', 'location', 'notes'] as const;
export type DirectoryColumn = (typeof DIRECTORY_COLUMNS)[number];

/** Header spellings accepted for each column (compared after NFKC + lower-case, spaces removed). */
const HEADER_ALIASES: Record<DirectoryColumn, string[]> = {
  name: ['name', 'fullname', 'staffname', '姓名', '名字', '员工姓名', '員工姓名'],
  department: ['department', 'dept', '部门', '部門', '所属部门', '所屬部門'],
  title: ['title', 'jobtitle', 'position', '职务', '職務', '职位', '職位', '岗位', '崗位'],
  extension: ['extension', 'ext', 'ext.', '分机', '分機', '分机号', '分機號', '内线', '內線'],
  mobile: ['mobile', 'mobilephone', 'phone', 'cell', '手机', '手機', '手机号', '手機號', '电话', '電話'],
  email: ['email', 'e-mail', 'mail', '邮箱', '郵箱', '电子邮件', '電子郵件', '电邮', '電郵'],
  location: ['location', 'office', 'room', '位置', '办公地点', '辦公地點', '办公室', '辦公室', '楼层', '樓層'],
  notes: ['notes', 'note', 'remarks', 'comment', '备注', '備註', '備注'],
};

const aliasToColumn = new Map<string, DirectoryColumn>();
for (const column of DIRECTORY_COLUMNS) for (const alias of HEADER_ALIASES[column]) aliasToColumn.set(alias, column);

export function columnForHeader(header: string): DirectoryColumn | undefined {
  return aliasToColumn.get(normaliseText(header).replace(/[\s_]/g, ''));
}

export type RowErrorReason = FieldErrorCode | 'duplicateInFile';

export interface DirectoryRowError {
  /** Line number as a spreadsheet shows it: the header is row 1, the first person row 2. */
  rowNumber: number;
  field: DirectoryColumn;
  reason: RowErrorReason;
  value: string;
  /** For duplicates: the row (or existing person's name) the value clashes with. */
  conflictsWith?: string;
}

export interface DirectoryRow extends StaffFields {
  rowNumber: number;
  department?: string;
}

export type DirectoryFileProblem = 'empty' | 'missingNameColumn' | 'unreadable';

export interface DirectoryParseResult {
  rows: DirectoryRow[];
  errors: DirectoryRowError[];
  /** Row numbers with at least one error (skipped on import). */
  badRowCount: number;
  /** Headers that matched no column (their values are ignored). */
  ignoredHeaders: string[];
  /** Set when the file as a whole cannot be used. */
  problem?: DirectoryFileProblem;
}

export interface DirectoryParseOptions {
  /** Extensions already in use, mapped to the name of who has them. */
  existingExtensions?: ReadonlyMap<string, string>;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseDirectoryCsv(text: string, options: DirectoryParseOptions = {}): DirectoryParseResult {
  const parsed = Papa.parse<string[]>(stripBom(text), { skipEmptyLines: 'greedy' });
  const table = parsed.data;
  const result: DirectoryParseResult = { rows: [], errors: [], badRowCount: 0, ignoredHeaders: [] };
  const header = table[0];
  if (!header || table.length === 0) return { ...result, problem: 'empty' };

  const columnIndex = new Map<DirectoryColumn, number>();
  header.forEach((cell, index) => {
    const column = columnForHeader(cell);
    if (column && !columnIndex.has(column)) columnIndex.set(column, index);
    else if (cell.trim()) result.ignoredHeaders.push(cell.trim());
  });
  if (!columnIndex.has('name')) return { ...result, problem: 'missingNameColumn' };

  // Papa's row index counts only non-empty lines; map back to the file's own line numbers through the
  // cursor so the numbers match what a spreadsheet shows even when blank lines were skipped.
  const lineNumbers = lineNumbersOf(text, table.length);
  const extensionsInFile = new Map<string, number>();
  const existing = options.existingExtensions ?? new Map<string, string>();

  for (let i = 1; i < table.length; i += 1) {
    const cells = table[i] ?? [];
    const rowNumber = lineNumbers[i] ?? i + 1;
    const cell = (column: DirectoryColumn) => {
      const index = columnIndex.get(column);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    const raw = Object.fromEntries(DIRECTORY_COLUMNS.map((c) => [c, cell(c)])) as Record<DirectoryColumn, string>;
    const rowErrors: DirectoryRowError[] = [];
    const checked = staffInputSchema.safeParse({
      name: raw.name, title: raw.title, extension: raw.extension, mobile: raw.mobile,
      email: raw.email, location: raw.location, notes: raw.notes,
    });
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const field = (issue.path[0] as DirectoryColumn | undefined) ?? 'name';
        if (rowErrors.some((e) => e.field === field)) continue;
        rowErrors.push({ rowNumber, field, reason: issue.message as RowErrorReason, value: raw[field] ?? '' });
      }
    }
    if (raw.department.length > 64) rowErrors.push({ rowNumber, field: 'department', reason: 'tooLong', value: raw.department });

    const extension = raw.extension;
    if (extension && !rowErrors.some((e) => e.field === 'extension')) {
      const firstRow = extensionsInFile.get(extension);
      const holder = existing.get(extension);
      if (firstRow !== undefined) {
        rowErrors.push({ rowNumber, field: 'extension', reason: 'duplicateInFile', value: extension, conflictsWith: String(firstRow) });
      } else if (holder !== undefined) {
        rowErrors.push({ rowNumber, field: 'extension', reason: 'duplicateExtension', value: extension, conflictsWith: holder });
      } else {
        extensionsInFile.set(extension, rowNumber);
      }
    }

    if (rowErrors.length > 0 || !checked.success) {
      result.errors.push(...rowErrors);
      result.badRowCount += 1;
      continue;
    }
    const row: DirectoryRow = { ...checked.data, rowNumber };
    if (raw.department) row.department = raw.department.replace(/\s+/g, ' ');
    result.rows.push(row);
  }
  return result;
}

/**
 * Line number (1-based) of each non-empty record in the file, honouring quoted fields that span lines.
 * Used only for messages, so it follows the same rules as the parser: blank lines skipped.
 */
function lineNumbersOf(text: string, expected: number): number[] {
  const body = stripBom(text);
  const numbers: number[] = [];
  let line = 1;
  let recordStart = 1;
  let inQuotes = false;
  let hasContent = false;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (ch === '"') inQuotes = !inQuotes;
    if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (ch === '\r' && body[i + 1] === '\n') i += 1;
      if (hasContent) numbers.push(recordStart);
      line += 1;
      recordStart = line;
      hasContent = false;
      continue;
    }
    if (ch === '\n') line += 1;
    if (ch !== undefined && !/[\s,]/.test(ch)) hasContent = true;
  }
  if (hasContent) numbers.push(recordStart);
  return numbers.length === expected ? numbers : numbers.concat(Array.from({ length: Math.max(0, expected - numbers.length) }, (_, k) => numbers.length + k + 1));
}
