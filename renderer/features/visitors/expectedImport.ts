// Writes the good rows of an expected-visitors CSV in one transaction, with progress and a way to stop:
// cancelling (or any failure) rolls the whole import back, so nothing is half-imported.
import type { ExpectedParseResult } from '@shared/visitors/expectedCsv';
import { repositoriesOf, type FrontDeskDatabase } from '../../db';
import { ImportCancelledError } from '@shared/errors/importCancelled';

export { ImportCancelledError };

export interface ExpectedImportOptions {
  signal?: AbortSignal;
  /** Called after each row with rows written so far. */
  onProgress?: (done: number, total: number) => void;
}

export async function importExpectedRows(db: FrontDeskDatabase, rows: ExpectedParseResult['rows'], options: ExpectedImportOptions = {}): Promise<number> {
  const repos = repositoriesOf(db);
  const total = rows.length;
  await db.transaction('rw', [db.visits, db.visitors, db.watchlist, db.watchlistAlerts, db.staff, db.auditLog], async () => {
    let done = 0;
    for (const row of rows) {
      if (options.signal?.aborted) throw new ImportCancelledError();
      await repos.visits.preRegister({ registration: row.input });
      done += 1;
      options.onProgress?.(done, total);
    }
    if (options.signal?.aborted) throw new ImportCancelledError();
  });
  return total;
}
