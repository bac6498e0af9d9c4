// Reading a staff directory from a CSV file exported from a spreadsheet or an HR system. Such files
// arrive in Chinese or English headers, with or without a UTF-8 BOM, and with the odd broken row; every
// row is checked on its own so one typo never blocks the other rows, and the person sees exactly which
// row and field is wrong and why.
import { readCsvRecords, type CsvSyntaxError } from '../csv/csvRecords';
import { staffInputSchema, type FieldErrorCode, type StaffFields } from '../domain/directory';
import { normaliseText } from '../search/textNormalise';
import { cleanName } from '../text/cleanText';

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
  /** Rows the CSV parser could not read (an unclosed or malformed quote), each with its row number. */
  syntaxErrors: CsvSyntaxError[];
  /** Rows with at least one error, syntax errors included (skipped on import). */
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
  const { records, syntaxErrors } = readCsvRecords(text);
  const result: DirectoryParseResult = { rows: [], errors: [], syntaxErrors, badRowCount: syntaxErrors.length, ignoredHeaders: [] };
  const header = records[0]?.cells;
  if (!header) return { ...result, problem: 'empty' };

  const columnIndex = new Map<DirectoryColumn, number>();
  header.forEach((cell, index) => {
    const column = columnForHeader(cell);
    if (column && !columnIndex.has(column)) columnIndex.set(column, index);
    else if (cell.trim()) result.ignoredHeaders.push(cell.trim());
  });
  if (!columnIndex.has('name')) return { ...result, problem: 'missingNameColumn' };

  const extensionsInFile = new Map<string, number>();
  const existing = options.existingExtensions ?? new Map<string, string>();

  for (const { rowNumber, cells } of records.slice(1)) {
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
    if (raw.department) row.department = cleanName(raw.department);
    result.rows.push(row);
  }
  return result;
}
