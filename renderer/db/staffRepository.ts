import type { Staff, StaffFields, StaffInput } from '@shared/domain/directory';
import type { NewRecord } from '@shared/domain/record';
import { matchesAllTokens, normaliseQuery } from '@shared/search/textNormalise';
import type { FrontDeskDatabase, TableName } from './FrontDeskDatabase';
import { keyPage, type Page, type PageCursor } from './paging';
import { RecordRepository, ValidationError } from './recordRepository';
import { schemas } from './schemaRegistry';
import { textKeys } from './textKeys';
import type { ImportOnceOptions, StaffImportOptions, StaffImportOutcome } from './staffImport';

// The CSV import (staffImport.ts) loads on its first use, not with the first screen (docs/ARCHITECTURE.md,
// "Loading"); it is awaited before the import opens its own transactions, never inside one.
let staffImport: Promise<typeof import('./staffImport')> | undefined;
function loadStaffImport(): Promise<typeof import('./staffImport')> {
  staffImport ??= import('./staffImport').catch((error: unknown) => {
    staffImport = undefined;
    throw error;
  });
  return staffImport;
}
import type { DirectoryRow } from '@shared/directory/directoryCsv';
import type { HostLookup } from '@shared/visitors/expectedCsv';

/** Search keys of a person: name (characters, pinyin, initials), extension, mobile, e-mail, title, department. In a write transaction (textKeys.ts). */
export function staffKeysOf(person: Pick<Staff, 'name' | 'extension' | 'mobile' | 'email' | 'title'>, departmentName: string | undefined): string[] {
  return textKeys().personSearchKeys({ name: person.name, extension: person.extension, mobile: person.mobile, email: person.email, title: person.title, departmentName });
}

/** Stored fields of a person from validated input (derived fields included). In a write transaction (textKeys.ts). */
export function staffFields(fields: StaffFields, departmentName: string | undefined): NewRecord<Staff> {
  const { nameSortKey, phoneKey } = textKeys();
  return {
    ...fields,
    nameKey: nameSortKey(fields.name),
    mobileDigits: phoneKey(fields.mobile),
    searchKeys: staffKeysOf(fields, departmentName),
  };
}

export interface StaffListRequest {
  departmentId?: string;
  limit: number;
  after?: PageCursor;
}

export interface StaffSearchOptions {
  limit?: number;
  departmentId?: string;
}

export class StaffRepository extends RecordRepository<'staff', StaffInput> {
  protected override readonly relatedTables: TableName[] = ['departments'];

  constructor(db: FrontDeskDatabase) {
    super(db, 'staff');
  }

  /**
   * Live people, counted on the indexes without reading a row (all rows minus tombstones, the `deletedAt`
   * index of schema v7): the directory's total is a live query, re-run after every chunk of an import.
   */
  override async count(): Promise<number> {
    const [all, deleted] = await Promise.all([this.db.staff.count(), this.db.staff.where('deletedAt').aboveOrEqual(0).count()]);
    return all - deleted;
  }

  protected override describe(record: Staff): string {
    return `staff ${record.name}${record.extension ? ` (${record.extension})` : ''}`;
  }

  protected override async toFields(input: StaffInput, existing: Staff | undefined): Promise<NewRecord<Staff>> {
    const parsed = schemas().INPUT_SCHEMAS.staff.safeParse(input);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    const fields = parsed.data;
    let departmentName: string | undefined;
    if (fields.departmentId) {
      const department = await this.db.departments.get(fields.departmentId);
      if (!department || department.deletedAt !== undefined) throw new ValidationError({ departmentId: 'unknownDepartment' });
      departmentName = department.name;
    }
    if (fields.extension) {
      const holder = await this.extensionHolder(fields.extension);
      if (holder && holder.id !== existing?.id) throw new ValidationError({ extension: 'duplicateExtension' });
    }
    return staffFields(fields, departmentName);
  }

  /** Writes checked CSV rows in one transaction (see staffImport.ts). */
  importRows(rows: readonly DirectoryRow[], options: StaffImportOptions = {}): Promise<StaffImportOutcome> {
    return loadStaffImport().then((module) => module.importStaffRows(this.db, rows, options));
  }

  /** Imports the rows on first run only, guarded by a marker setting (the sample directory). */
  importOnce(rows: readonly DirectoryRow[], markerSetting: string, source: string, options: ImportOnceOptions = {}): Promise<number> {
    return loadStaffImport().then((module) => module.importStaffOnce(this.db, rows, markerSetting, source, options));
  }

  /** The live person who has this extension, if any. */
  extensionHolder(extension: string): Promise<Staff | undefined> {
    return this.db.staff.where('extension').equals(extension).filter((p) => p.deletedAt === undefined).first();
  }

  /** Hosts by extension and by name (spaces ignored), for the expected-visitors CSV. */
  async hostLookup(): Promise<HostLookup> {
    const byExtension = new Map<string, { id: string; name: string }>();
    const byName = new Map<string, { id: string; name: string }[]>();
    await this.db.staff.each((p) => {
      if (p.deletedAt !== undefined) return;
      if (p.extension) byExtension.set(p.extension, { id: p.id, name: p.name });
      const key = p.name.replace(/\s+/g, '');
      byName.set(key, [...(byName.get(key) ?? []), { id: p.id, name: p.name }]);
    });
    return { byExtension, byName };
  }

  /** Live people per department id (the departments dialog). */
  async memberCounts(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    await this.db.staff.each((p) => {
      if (p.deletedAt === undefined && p.departmentId) counts.set(p.departmentId, (counts.get(p.departmentId) ?? 0) + 1);
    });
    return counts;
  }

  /** Extension → name of every live person with one (the CSV import checks against it). */
  async extensionHolders(): Promise<Map<string, string>> {
    const map = new Map<string, string>();
    await this.db.staff.where('extension').above('').each((p) => {
      if (p.deletedAt === undefined && p.extension) map.set(p.extension, p.name);
    });
    return map;
  }

  /** People in pinyin order of name, optionally of one department, paged by key. */
  listPage(request: StaffListRequest): Promise<Page<Staff>> {
    return request.departmentId
      ? keyPage(this.db.staff, { index: '[departmentId+nameKey]', prefix: [request.departmentId], limit: request.limit, after: request.after })
      : keyPage(this.db.staff, { index: '[nameKey+id]', limit: request.limit, after: request.after });
  }

  /**
   * Finds people by any of their keys (prefix match on every query token): name, pinyin, initials,
   * extension, phone digits, department. Exact key matches come first (typing "2301" puts the person
   * with that extension on top), then pinyin order.
   */
  override async search(query: string, options: StaffSearchOptions = {}): Promise<Staff[]> {
    const tokens = normaliseQuery(query);
    const limit = options.limit ?? 50;
    if (tokens.length === 0) return (await this.listPage({ departmentId: options.departmentId, limit })).items;
    const [first, ...rest] = tokens;
    const found = await this.db.staff
      .where('searchKeys')
      .startsWith(first!)
      .distinct()
      .filter((p) => p.deletedAt === undefined && (!options.departmentId || p.departmentId === options.departmentId) && matchesAllTokens(p.searchKeys, rest))
      .limit(limit)
      .toArray();
    const exact = (p: Staff) => (tokens.every((t) => p.searchKeys.includes(t)) ? 0 : 1);
    return found.sort((a, b) => exact(a) - exact(b) || a.nameKey.localeCompare(b.nameKey) || a.id.localeCompare(b.id));
  }
}
