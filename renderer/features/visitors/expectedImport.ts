// Writes the good rows of an expected-visitors CSV in one transaction, with progress and a way to stop:
// cancelling (or any failure) rolls the whole import back, so nothing is half-imported.
import type { ExpectedParseResult } from '@shared/visitors/expectedCsv';
import { ImportCancelledError, repositoriesOf, type FrontDeskDatabase, type PreRegisterAllOptions } from '../../db';

export { ImportCancelledError };

export type ExpectedImportOptions = PreRegisterAllOptions;

export function importExpectedRows(db: FrontDeskDatabase, rows: ExpectedParseResult['rows'], options: ExpectedImportOptions = {}): Promise<number> {
  return repositoriesOf(db).visits.preRegisterAll(rows.map((row) => row.input), options);
}
