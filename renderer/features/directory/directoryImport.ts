// Writing a checked CSV into the directory: the staff repository writes all good rows in ONE
// transaction with their new departments and the audit entry (renderer/db/staffImport.ts), so a failure
// or a cancel part-way leaves the directory exactly as it was.
import type { DirectoryRow } from '@shared/directory/directoryCsv';
import { ImportCancelledError, repositoriesOf, type FrontDeskDatabase, type StaffImportOptions, type StaffImportOutcome } from '../../db';

export { ImportCancelledError };
export type ImportOptions = StaffImportOptions;
export type ImportOutcome = StaffImportOutcome;

export function importDirectoryRows(db: FrontDeskDatabase, rows: readonly DirectoryRow[], options: ImportOptions = {}): Promise<ImportOutcome> {
  return repositoriesOf(db).staff.importRows(rows, options);
}
