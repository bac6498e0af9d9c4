// First run: a directory to work with from the first minute (the switchboard cannot transfer to
// nobody). The sample loads once, only into an empty directory, and never again after that, even if
// every sample person is later removed.
import sampleCsv from '../../../resources/sample-directory.csv?raw';
import { parseDirectoryCsv } from '@shared/directory/directoryCsv';
import { getDatabase, repositoriesOf, type FrontDeskDatabase } from '../../db';
import { importDirectoryRows } from './directoryImport';

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
  const settings = repositoriesOf(db).settings;
  if (await settings.getValue<boolean>(SAMPLE_LOADED_SETTING, false)) return 0;
  const parsed = parseDirectoryCsv(sampleCsv);
  // One transaction for the check and the load, so two windows starting together load it once.
  return db.transaction('rw', [db.departments, db.staff, db.auditLog, db.settings], async () => {
    if (await settings.getValue<boolean>(SAMPLE_LOADED_SETTING, false)) return 0;
    const hasPeople = (await db.staff.filter((p) => p.deletedAt === undefined).count()) > 0;
    const loaded = hasPeople ? 0 : (await importDirectoryRows(db, parsed.rows, { source: 'sample-directory.csv' })).imported;
    await settings.setValue(SAMPLE_LOADED_SETTING, true);
    return loaded;
  });
}
