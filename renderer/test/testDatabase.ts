// Test helper: a fresh, uniquely named database per test (fake-indexeddb in unit tests).
import { openFrontDeskDatabase } from '../db/database';
import type { DatabaseOptions, FrontDeskDatabase } from '../db/FrontDeskDatabase';
import { repositoriesOf, type Repositories } from '../db/repositories';

let counter = 0;

export async function freshDatabase(options: DatabaseOptions = {}): Promise<{ db: FrontDeskDatabase; repos: Repositories; name: string }> {
  counter += 1;
  const name = `frontdesk-test-${Date.now()}-${counter}`;
  const db = await openFrontDeskDatabase(name, { storage: null, ...options });
  return { db, repos: repositoriesOf(db), name };
}
