// Writing a checked CSV into the directory. All good rows go in ONE transaction with their new
// departments and the audit entry: a failure or a cancel part-way leaves the directory exactly as it was.
import { ImportCancelledError } from '@shared/errors/importCancelled';
import type { DirectoryRow } from '@shared/directory/directoryCsv';
import type { Department, Staff } from '@shared/domain/directory';
import { staffSchema } from '@shared/domain/directory';
import { appendAudit, departmentFields, departmentNameKey, newId, staffFields, withoutUndefined, type FrontDeskDatabase } from '../../db';

export interface ImportOptions {
  signal?: AbortSignal;
  /** Called after each chunk with rows written so far. */
  onProgress?: (done: number, total: number) => void;
  chunkSize?: number;
  /** Shown in the audit entry. */
  source?: string;
}

export interface ImportOutcome {
  imported: number;
  departmentsCreated: number;
  /** Rows refused at write time (an extension taken since the preview was made). */
  skippedRows: number[];
}

export { ImportCancelledError };

export async function importDirectoryRows(db: FrontDeskDatabase, rows: readonly DirectoryRow[], options: ImportOptions = {}): Promise<ImportOutcome> {
  const chunkSize = options.chunkSize ?? 250;
  const total = rows.length;
  return db.transaction('rw', db.departments, db.staff, db.auditLog, async () => {
    const deskId = db.desk.deskId;
    const now = Date.now();
    const stamp = () => ({ id: newId(now), createdAt: now, updatedAt: now, deskId });

    const departments = new Map<string, Department>();
    await db.departments.each((d) => {
      if (d.deletedAt === undefined) departments.set(d.nameKey, d);
    });
    const created: Department[] = [];
    for (const row of rows) {
      if (!row.department) continue;
      const key = departmentNameKey(row.department);
      if (departments.has(key)) continue;
      const department = { ...departmentFields(row.department), ...stamp() } as Department;
      departments.set(key, department);
      created.push(department);
    }
    if (created.length > 0) await db.departments.bulkAdd(created);
    for (const d of created) await appendAudit(db, { action: 'create', entityTable: 'departments', entityId: d.id, at: now, summary: `created department ${d.name} (import)` });

    // Checked again inside the transaction: the preview may be minutes old.
    const taken = new Set<string>();
    await db.staff.where('extension').above('').each((p) => {
      if (p.deletedAt === undefined && p.extension) taken.add(p.extension);
    });

    const skippedRows: number[] = [];
    let imported = 0;
    for (let start = 0; start < total; start += chunkSize) {
      if (options.signal?.aborted) throw new ImportCancelledError();
      const chunk: Staff[] = [];
      for (const row of rows.slice(start, start + chunkSize)) {
        if (row.extension && taken.has(row.extension)) {
          skippedRows.push(row.rowNumber);
          continue;
        }
        if (row.extension) taken.add(row.extension);
        const { rowNumber: _rowNumber, department, ...fields } = row;
        const dept = department ? departments.get(departmentNameKey(department)) : undefined;
        const record = staffSchema.parse({ ...staffFields(fields, dept?.name), departmentId: dept?.id, ...stamp() });
        chunk.push(withoutUndefined(record));
      }
      await db.staff.bulkAdd(chunk);
      imported += chunk.length;
      options.onProgress?.(Math.min(start + chunkSize, total), total);
    }
    if (options.signal?.aborted) throw new ImportCancelledError();

    await appendAudit(db, {
      action: 'import',
      entityTable: 'staff',
      entityId: newId(now),
      at: now,
      summary: `imported ${imported} people${options.source ? ` from ${options.source}` : ''}; ${created.length} departments created; ${skippedRows.length} rows skipped`,
    });
    return { imported, departmentsCreated: created.length, skippedRows };
  });
}
