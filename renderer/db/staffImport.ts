// Writing a checked directory CSV: all good rows go in ONE transaction with their new departments and
// the audit entry, so a failure or a cancel part-way leaves the directory exactly as it was. Rows are
// written in bounded chunks (the write path's bulkCreate) and the extensions are checked again inside
// the transaction: the preview the desk looked at may be minutes old.
import type { DirectoryRow } from '@shared/directory/directoryCsv';
import { departmentSchema, staffSchema, type Department, type Staff } from '@shared/domain/directory';
import type { NewRecord } from '@shared/domain/record';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { departmentFields, departmentNameKey } from './departmentRepository';
import { newId } from './ids';
import { SettingsRepository } from './settingsRepository';
import { staffFields } from './staffRepository';
import { ImportCancelledError, writePathOf } from './writePath';

export interface StaffImportOptions {
  signal?: AbortSignal;
  /** Called after each chunk with rows written so far. */
  onProgress?: (done: number, total: number) => void;
  chunkSize?: number;
  /** Shown in the audit entry. */
  source?: string;
}

export interface StaffImportOutcome {
  imported: number;
  departmentsCreated: number;
  /** Rows refused at write time (an extension taken since the preview was made). */
  skippedRows: number[];
}

export async function importStaffRows(db: FrontDeskDatabase, rows: readonly DirectoryRow[], options: StaffImportOptions = {}): Promise<StaffImportOutcome> {
  const chunkSize = options.chunkSize ?? 250;
  const total = rows.length;
  const writes = writePathOf(db);
  return writes.transaction(['departments', 'staff'], async () => {
    const now = Date.now();
    const departments = new Map<string, Department>();
    await db.departments.each((d) => {
      if (d.deletedAt === undefined) departments.set(d.nameKey, d);
    });
    const newDepartments = new Map<string, NewRecord<Department>>();
    for (const row of rows) {
      if (!row.department) continue;
      const key = departmentNameKey(row.department);
      if (!departments.has(key) && !newDepartments.has(key)) newDepartments.set(key, departmentFields(row.department));
    }
    // Parsed like any department (the write path validates every row).
    const created = await writes.bulkCreate('departments', departmentSchema, [...newDepartments.values()], {
      at: now, audit: (d) => ({ action: 'create', summary: `created department ${d.name} (import)` }),
    });
    for (const d of created) departments.set(d.nameKey, d);

    const taken = new Set<string>();
    await db.staff.where('extension').above('').each((p) => {
      if (p.deletedAt === undefined && p.extension) taken.add(p.extension);
    });
    const skippedRows: number[] = [];
    let imported = 0;
    for (let start = 0; start < total; start += chunkSize) {
      if (options.signal?.aborted) throw new ImportCancelledError();
      const chunk: NewRecord<Staff>[] = [];
      for (const row of rows.slice(start, start + chunkSize)) {
        if (row.extension && taken.has(row.extension)) {
          skippedRows.push(row.rowNumber);
          continue;
        }
        if (row.extension) taken.add(row.extension);
        const { rowNumber: _rowNumber, department, ...fields } = row;
        const dept = department ? departments.get(departmentNameKey(department)) : undefined;
        chunk.push({ ...staffFields(fields, dept?.name), departmentId: dept?.id });
      }
      imported += (await writes.bulkCreate('staff', staffSchema, chunk, { at: now, chunkSize })).length;
      options.onProgress?.(Math.min(start + chunkSize, total), total);
    }
    if (options.signal?.aborted) throw new ImportCancelledError();
    await writes.audit({
      action: 'import',
      entityTable: 'staff',
      entityId: newId(now),
      summary: `imported ${imported} people${options.source ? ` from ${options.source}` : ''}; ${created.length} departments created; ${skippedRows.length} rows skipped`,
    }, { at: now });
    return { imported, departmentsCreated: created.length, skippedRows };
  });
}

/**
 * Imports the rows only the first time (the sample directory on first run): not if the marker setting is
 * set, not into a directory that already has people, and never again afterwards. The check and the load
 * are one transaction, so two windows starting together load it once.
 */
export async function importStaffOnce(db: FrontDeskDatabase, rows: readonly DirectoryRow[], markerSetting: string, source: string): Promise<number> {
  const settings = new SettingsRepository(db);
  if (await settings.getValue<boolean>(markerSetting, false)) return 0;
  return writePathOf(db).transaction(['departments', 'staff', 'settings'], async () => {
    if (await settings.getValue<boolean>(markerSetting, false)) return 0;
    const hasPeople = (await db.staff.filter((p) => p.deletedAt === undefined).count()) > 0;
    const loaded = hasPeople ? 0 : (await importStaffRows(db, rows, { source })).imported;
    await settings.setValue(markerSetting, true);
    return loaded;
  });
}
