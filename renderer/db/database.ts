// The console's database as the app uses it: one instance, opened on first use.
import { DATABASE_NAME, FrontDeskDatabase, type DatabaseOptions } from './FrontDeskDatabase';
import { repositoriesOf, type Repositories } from './repositories';

let instance: FrontDeskDatabase | undefined;

/** The app's database (name 'frontdesk'); Dexie opens it on the first query. */
export function getDatabase(): FrontDeskDatabase {
  if (!instance) {
    const db = new FrontDeskDatabase(DATABASE_NAME);
    // An import a closed or reloaded window left half-way is rolled back (or, if it was already making its
    // rows visible, finished) once the database is open; not awaited, so nothing at start waits for it.
    db.on('ready', () => {
      // Loaded on use, like every import's staging code: off the first screen.
      // A database closed meanwhile (a test's teardown, a deleted database) is recovered the next time it opens.
      void import('./stagedImport')
        .then(({ recoverStagedImports }) => (db.isOpen() ? recoverStagedImports(db) : undefined))
        .catch((error: unknown) => {
          if ((error as { name?: string } | null)?.name !== 'DatabaseClosedError') console.error('Could not recover an interrupted import', error);
        });
    });
    instance = db;
  }
  return instance;
}

/** The repositories of a database (the app's by default). */
export function getRepositories(db: FrontDeskDatabase = getDatabase()): Repositories {
  return repositoriesOf(db);
}

/** Opens a database by name and waits until it is ready (desk id settled). For tests and tools. */
export async function openFrontDeskDatabase(name: string = DATABASE_NAME, options: DatabaseOptions = {}): Promise<FrontDeskDatabase> {
  const db = new FrontDeskDatabase(name, options);
  await db.open();
  return db;
}

/** The desk id once the app's database is open. */
export async function getDeskId(db: FrontDeskDatabase = getDatabase()): Promise<string> {
  await db.open();
  return db.desk.deskId;
}

/** Sets the acting operator on the app's database (null: the desk itself, before sign-in). */
export function setCurrentActor(actorId: string | null, db: FrontDeskDatabase = getDatabase()): void {
  db.desk.setActor(actorId);
}

/** For tests: forget the singleton (closing it) so the next getDatabase() starts afresh. */
export function resetDatabaseForTests(): void {
  instance?.close();
  instance = undefined;
}
