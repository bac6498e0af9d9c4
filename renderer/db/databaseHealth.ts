// Whether the database can be used right now, for the status bar. IndexedDB can be held up by another
// window of the console: an older version still open elsewhere blocks our upgrade (the screens would say
// "Reading…" for ever), and a newer version opened elsewhere closes ours. The desk must be told what is
// wrong and what to do, not left looking at an empty list.
import { createStore } from '@shared/store/createStore';

export type DatabaseHealthState = 'ok' | 'blocked' | 'outdated';

export interface DatabaseHealth {
  state: DatabaseHealthState;
}

export const databaseHealth = createStore<DatabaseHealth>({ state: 'ok' });
