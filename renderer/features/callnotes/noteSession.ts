// Which call's note is open on the switchboard. It outlives the phone line (a line leaves the screen a
// few seconds after hang-up; the note stays until the operator closes it) and a reload: the open note is
// remembered in localStorage next to its unsaved draft (noteDraft.ts), so a reload mid-typing reopens it.
import { createStore } from '@shared/store/createStore';
import { useStore } from '../../ui/useStore';

export interface OpenNote {
  callId: string;
  /** The number as the call presented it (pre-fills the note's number). */
  number: string;
  remoteName?: string | undefined;
}

const KEY = 'frontdesk.callNote.open';

function restore(): OpenNote | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as Partial<OpenNote>;
    return typeof value.callId === 'string' && typeof value.number === 'string' ? { callId: value.callId, number: value.number, remoteName: typeof value.remoteName === 'string' ? value.remoteName : undefined } : undefined;
  } catch {
    return undefined;
  }
}

function persist(note: OpenNote | undefined): void {
  try {
    if (note) globalThis.localStorage?.setItem(KEY, JSON.stringify(note));
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Storage blocked: the note still works, it just does not reopen after a reload.
  }
}

const store = createStore<{ open: OpenNote | undefined; focusRequest: number }>({ open: restore(), focusRequest: 0 });

/** The open note's "write what is pending now", by call (useCallNoteAutosave registers it). */
const flushers = new Map<string, () => Promise<unknown>>();

export const noteSession = {
  open(note: OpenNote): void {
    persist(note);
    store.set((s) => ({ ...s, open: note }));
  },
  close(): void {
    persist(undefined);
    store.set((s) => ({ ...s, open: undefined }));
  },
  get: store.get,
  subscribe: store.subscribe,
  /** The autosave of call `callId`'s note registers how to write its pending change; returns the undo. */
  registerFlush(callId: string, flush: () => Promise<unknown>): () => void {
    flushers.set(callId, flush);
    return () => {
      if (flushers.get(callId) === flush) flushers.delete(callId);
    };
  },
  /** The call hung up (or the line went away): its note, if open, writes what is pending at once. */
  flush(callId: string): Promise<unknown> {
    return flushers.get(callId)?.() ?? Promise.resolve();
  },
};

export function useNoteSession() {
  return useStore(store);
}
