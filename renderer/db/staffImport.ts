// Writing a checked directory CSV as a staged import (renderer/db/stagedImport.ts): the good rows and their
// new departments are written hidden, in short transactions of one chunk each, and become visible together
// at the end, so the emergency roll call never waits behind the import and a cancel, a failure or a reload
// part-way leaves the directory exactly as it was. The extensions are checked again against what is stored
// when the import starts: the preview the desk looked at may be minutes old.
import type { DirectoryRow } from '@shared/directory/directoryCsv';
import { deterministicUlid, SAMPLE_DIRECTORY_DESK } from '@shared/directory/sampleIds';
import type { Department, Staff } from '@shared/domain/directory';
import type { NewRecord } from '@shared/domain/record';
import { STAGE_CHUNK_ROWS } from '@shared/imports/staging';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { departmentFields, departmentNameKey } from './departmentRepository';
import { newId } from './ids';
import { SettingsRepository } from './settingsRepository';
import { runStagedImport } from './stagedImport';
import { staffFields } from './staffRepository';
import { ImportCancelledError, writePathOf } from './writePath';

export { ImportCancelledError };

export interface StaffImportOptions {
  signal?: AbortSignal;
  /** Called after each chunk with rows written so far (the rows become visible after the last one). */
  onProgress?: (done: number, total: number) => void;
  /** Every row is in; they are being made visible (no longer cancellable). */
  onPublishing?: () => void;
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
  const chunkSize = Math.max(1, Math.min(options.chunkSize ?? STAGE_CHUNK_ROWS, STAGE_CHUNK_ROWS));
  const total = rows.length;
  return runStagedImport(db, 'directory', ['departments', 'staff'], async (stager) => {
    const departments = new Map<string, Department>();
    const taken = new Set<string>();
    // One short read for what is stored now (live rows only: staged rows of another import are not taken).
    await db.transaction('r', [db.departments, db.staff], async () => {
      await db.departments.each((d) => {
        if (d.deletedAt === undefined) departments.set(d.nameKey, d);
      });
      await db.staff.where('extension').above('').each((p) => {
        if (p.deletedAt === undefined && p.extension) taken.add(p.extension);
      });
    });
    const newDepartments = new Map<string, NewRecord<Department>>();
    for (const row of rows) {
      if (!row.department) continue;
      const key = departmentNameKey(row.department);
      if (!departments.has(key) && !newDepartments.has(key)) newDepartments.set(key, departmentFields(row.department));
    }
    const pending = [...newDepartments.values()];
    let departmentsCreated = 0;
    for (let start = 0; start < pending.length; start += chunkSize) {
      stager.checkCancelled();
      // Parsed like any department (the write path validates every row).
      const created = await stager.chunk(['departments'], () => stager.stage('departments', pending.slice(start, start + chunkSize)));
      for (const d of created) departments.set(d.nameKey, d);
      departmentsCreated += created.length;
    }

    const skippedRows: number[] = [];
    let imported = 0;
    for (let start = 0; start < total; start += chunkSize) {
      stager.checkCancelled();
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
      if (chunk.length > 0) imported += (await stager.chunk(['staff'], () => stager.stage('staff', chunk))).length;
      options.onProgress?.(Math.min(start + chunkSize, total), total);
    }
    return { imported, departmentsCreated, skippedRows };
  }, (outcome) => ({
    action: 'import',
    entityTable: 'staff',
    summary: `imported ${outcome.imported} people${options.source ? ` from ${options.source}` : ''}; ${outcome.departmentsCreated} departments created; ${outcome.skippedRows.length} rows skipped`,
  }), { signal: options.signal, onPublishing: options.onPublishing });
}

/**
 * Imports the rows only the first time (the sample directory on first run): not if the marker setting is
 * set, not into a directory that already has people, and never again afterwards. The check and the load
 * are one transaction, so two windows starting together load it once; the sample is a few dozen people, so
 * this one transaction is short (a CSV import is staged instead, see importStaffRows).
 */
export interface ImportOnceOptions {
  /**
   * Same rows, same ids and stamps at every desk (the sample directory, shared/directory/sampleIds.ts): each
   * row's id comes from its department name or extension and this time, which is also its createdAt and
   * updatedAt, so desks that each loaded it share one copy and the site's later edits win.
   */
  fixedAt?: number;
}

export async function importStaffOnce(db: FrontDeskDatabase, rows: readonly DirectoryRow[], markerSetting: string, source: string, options: ImportOnceOptions = {}): Promise<number> {
  const settings = new SettingsRepository(db);
  if (await settings.getValue<boolean>(markerSetting, false)) return 0;
  const writes = writePathOf(db);
  return writes.transaction(['departments', 'staff', 'settings'], async () => {
    if (await settings.getValue<boolean>(markerSetting, false)) return 0;
    const hasPeople = (await db.staff.filter((p) => p.deletedAt === undefined).count()) > 0;
    let loaded = 0;
    if (!hasPeople) {
      const now = Date.now();
      const names = new Map<string, NewRecord<Department>>();
      for (const row of rows) if (row.department) names.set(departmentNameKey(row.department), departmentFields(row.department));
      const existing = new Map<string, Department>();
      await db.departments.each((d) => {
        if (d.deletedAt === undefined) existing.set(d.nameKey, d);
      });
      const fixedAt = options.fixedAt;
      const created = await writes.bulkCreate('departments', [...names].filter(([key]) => !existing.has(key)).map(([, d]) => d), {
        at: fixedAt ?? now,
        // Fixed rows are audited by the one summary entry below, at the real time (not at the fixed stamp).
        ...(fixedAt === undefined ? { audit: (d: Department) => ({ action: 'create' as const, summary: `created department ${d.name} (import)` }) } : { idOf: (d: NewRecord<Department>) => deterministicUlid(fixedAt, `departments:${d.nameKey}`), deskId: SAMPLE_DIRECTORY_DESK }),
      });
      for (const d of created) existing.set(d.nameKey, d);
      const seen = new Set<string>();
      const people = rows.filter((row) => !row.extension || (!seen.has(row.extension) && seen.add(row.extension))).map(({ rowNumber: _rowNumber, department, ...fields }) => {
        const dept = department ? existing.get(departmentNameKey(department)) : undefined;
        return { ...staffFields(fields, dept?.name), departmentId: dept?.id };
      });
      loaded = (
        await writes.bulkCreate('staff', people, fixedAt === undefined ? { at: now } : { at: fixedAt, idOf: (p: NewRecord<Staff>) => deterministicUlid(fixedAt, `staff:${p.extension ?? p.name}`), deskId: SAMPLE_DIRECTORY_DESK })
      ).length;
      await writes.audit({ action: 'import', entityTable: 'staff', entityId: newId(now), summary: `imported ${loaded} people from ${source}; ${created.length} departments created` }, { at: now });
    }
    await settings.setValue(markerSetting, true);
    return loaded;
  });
}
