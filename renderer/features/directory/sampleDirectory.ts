// First run: a directory to work with from the first minute (the switchboard cannot transfer to
// nobody). The sample loads once, only into an empty directory, and never again after that, even if
// every sample person is later removed. Its rows have the same ids and stamps at every desk
// (shared/directory/sampleIds.ts), so a desk that joins a site's sync does not bring a second copy.
import sampleCsv from '../../../resources/sample-directory.csv?raw';
import { parseDirectoryCsv } from '@shared/directory/directoryCsv';
import { SAMPLE_DIRECTORY_AT } from '@shared/directory/sampleIds';
import { getDatabase, repositoriesOf, type FrontDeskDatabase } from '../../db';

export const SAMPLE_LOADED_SETTING = 'directory.sampleLoaded';

const running = new WeakMap<FrontDeskDatabase, Promise<number>>();

/** Loads the sample directory if this is the first run and the directory is empty; returns people loaded. */
export function ensureSampleDirectory(db: FrontDeskDatabase = getDatabase()): Promise<number> {
  let promise = running.get(db);
  if (!promise) {
    promise = loadOnce(db).finally(() => running.delete(db));
    running.set(db, promise);
  }
  return promise;
}

async function loadOnce(db: FrontDeskDatabase): Promise<number> {
  const staff = repositoriesOf(db).staff;
  // Checked (and the CSV parsed) only until the marker is set; the load itself is one transaction.
  if (await repositoriesOf(db).settings.getValue<boolean>(SAMPLE_LOADED_SETTING, false)) return 0;
  return staff.importOnce(parseDirectoryCsv(sampleCsv).rows, SAMPLE_LOADED_SETTING, 'sample-directory.csv', { fixedAt: SAMPLE_DIRECTORY_AT });
}
