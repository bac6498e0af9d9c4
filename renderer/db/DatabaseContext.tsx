// Lets a screen use another database than the app's (component tests pass a fresh one).
import { createContext, useContext, type ReactNode } from 'react';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { getDatabase } from './database';

const DatabaseContext = createContext<FrontDeskDatabase | null>(null);

export function DatabaseProvider({ db, children }: { db: FrontDeskDatabase; children: ReactNode }) {
  return <DatabaseContext.Provider value={db}>{children}</DatabaseContext.Provider>;
}

/** The database of the nearest DatabaseProvider, else the app's. */
export function useDatabase(): FrontDeskDatabase {
  return useContext(DatabaseContext) ?? getDatabase();
}
