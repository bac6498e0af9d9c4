// Autosave of one call's note (issue 10: "nothing typed is lost if the call drops, the app reloads or the
// window closes"), cheap per keystroke (the note's benchmark, tests/bench/callnotes.bench.ts: under 16 ms a
// keystroke while talking, with a million calls stored).
//
// - Every change is kept in localStorage (noteDraft.ts): that is what survives a reload, a closed window or
//   a crash between two database writes. Written at most every DRAFT_DELAY_MS while typing (a
//   localStorage write was the largest cost left in a keystroke), and synchronously by every flush below,
//   so a reload or a closed window (beforeunload, pagehide) finds all of it. On opening, a draft newer
//   than the stored note wins and is saved.
// - The database write through the write path (validate, write, audit) is coalesced: it runs after a pause
//   in typing (AUTOSAVE_DELAY_MS), or at the latest AUTOSAVE_MAX_WAIT_MS after the first unsaved change of
//   a long burst, in an idle moment of the page so it does not land in the middle of a keystroke. A
//   pending write is flushed at once when the note loses the focus, when the call hangs up
//   (noteSession.flush), when the page hides, unloads or is about to (visibilitychange, pagehide,
//   beforeunload), when the note closes and when another call's note opens.
// - The fields live in a small store, not in React state: a keystroke renders no component at all (the
//   text fields are uncontrolled and write into the store); the panel renders only for what it shows
//   (the important flag, the category), and the save state has its own store and its own small component.
import { useCallback, useEffect, useRef, useState } from 'react';
import { createStore, type Store } from '@shared/store/createStore';
import { repositoriesOf, useDatabase, type CallNote } from '../../db';
import { describeError } from '../../ui/describeError';
import { recordMetric } from '../../platform/metrics';
import { clearDraft, EMPTY_NOTE, fieldsOfNote, inputOfFields, readDraft, writeDraft, type NoteFields } from './noteDraft';
import { noteSession } from './noteSession';

/** The pause in typing after which the note is written to the database. */
export const AUTOSAVE_DELAY_MS = 1000;
/** However long the operator types without a pause, the database has the note at most this late. */
export const AUTOSAVE_MAX_WAIT_MS = 5000;

/** While typing, the local draft is written at most this often (and at once by a flush). */
export const DRAFT_DELAY_MS = 150;

/** The timing in use (tests lengthen it to show that a flush, not the pause, wrote the note). */
export const autosaveTiming = { delayMs: AUTOSAVE_DELAY_MS, maxWaitMs: AUTOSAVE_MAX_WAIT_MS };

export type SaveState = { kind: 'loading' } | { kind: 'saved'; at?: number } | { kind: 'pending' } | { kind: 'error'; message: string };

type IdleHandle = { cancel(): void };

/** Runs `work` when the page is idle (at most `timeout` later): the save never delays a keystroke's own work. */
function whenIdle(work: () => void, timeout: number): IdleHandle {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const id = globalThis.requestIdleCallback(work, { timeout });
    return { cancel: () => globalThis.cancelIdleCallback(id) };
  }
  const id = setTimeout(work, 0);
  return { cancel: () => clearTimeout(id) };
}

export interface CallNoteAutosave {
  /** The note's fields; undefined while loading. Text fields read it when they mount. */
  fields: Store<NoteFields | undefined>;
  /** The save state, for the status line. */
  state: Store<SaveState>;
  /** Changes each time the fields were set from outside the text fields (loaded, a suggestion used): they remount with it. */
  revision: number;
  /** A change typed or chosen by the operator. `external` when a text field did not type it itself. */
  change(patch: Partial<NoteFields>, options?: { external?: boolean }): void;
  /** Writes what is pending now. */
  flush(): Promise<unknown>;
  /** The stored note, as last saved. */
  note(): CallNote | undefined;
}

export function useCallNoteAutosave(callId: string, number: string): CallNoteAutosave {
  const db = useDatabase();
  const repo = repositoriesOf(db).callNotes;
  const [fields] = useState(() => createStore<NoteFields | undefined>(undefined));
  const [state] = useState(() => createStore<SaveState>({ kind: 'loading' }));
  const [revision, setRevision] = useState(0);
  const pending = useRef<NoteFields | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const idle = useRef<IdleHandle | undefined>(undefined);
  const firstPendingAt = useRef<number | undefined>(undefined);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const stored = useRef<CallNote | undefined>(undefined);
  const draftTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const draft = useRef<NoteFields | null>(null);

  /** Writes the local draft now if one is waiting (synchronous: safe in beforeunload and pagehide). */
  const writeDraftNow = useCallback(() => {
    if (draftTimer.current !== undefined) clearTimeout(draftTimer.current);
    draftTimer.current = undefined;
    if (draft.current) writeDraft(callId, draft.current);
    draft.current = null;
  }, [callId]);

  const cancelScheduled = () => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    idle.current?.cancel();
    idle.current = undefined;
  };

  const flush = useCallback(() => {
    writeDraftNow();
    cancelScheduled();
    firstPendingAt.current = undefined;
    const toSave = pending.current;
    if (!toSave) return chain.current;
    pending.current = null;
    let started = 0;
    chain.current = chain.current
      .then(() => {
        started = performance.now();
        return repo.saveForCall(callId, inputOfFields(toSave));
      })
      .then((saved) => {
        // One autosave through the write path (validate, write, audit) for the benchmark.
        recordMetric('noteSaveMs', performance.now() - started);
        stored.current = saved;
        if (pending.current === null && draft.current === null) {
          clearDraft(callId);
          state.set({ kind: 'saved', at: saved.updatedAt });
        }
      })
      .catch((error: unknown) => {
        // The draft stays in localStorage; the next change or the next opening saves it again.
        state.set({ kind: 'error', message: describeError(error) });
      });
    return chain.current;
  }, [callId, repo, state, writeDraftNow]);

  /** The database write after a pause in typing, or once the burst has lasted AUTOSAVE_MAX_WAIT_MS. */
  const schedule = useCallback(() => {
    const now = Date.now();
    firstPendingAt.current ??= now;
    const delay = Math.max(0, Math.min(autosaveTiming.delayMs, firstPendingAt.current + autosaveTiming.maxWaitMs - now));
    if (timer.current !== undefined) clearTimeout(timer.current);
    if (idle.current) return; // already waiting for an idle moment: that save takes this change too
    timer.current = setTimeout(() => {
      timer.current = undefined;
      idle.current = whenIdle(() => {
        idle.current = undefined;
        void flush();
      }, 500);
    }, delay);
  }, [flush]);

  // Load: the stored note, or a newer draft left by a reload, or a new note with the call's number.
  useEffect(() => {
    let alive = true;
    fields.set(undefined);
    state.set({ kind: 'loading' });
    void repo.forCall(callId).then(
      (note) => {
        if (!alive) return;
        stored.current = note;
        const left = readDraft(callId);
        let initial: NoteFields;
        if (left && (!note || left.at > note.updatedAt)) {
          initial = left.fields;
          pending.current = left.fields;
          state.set({ kind: 'pending' });
          void flush();
        } else {
          initial = note ? fieldsOfNote(note) : { ...EMPTY_NOTE, phone: number };
          state.set({ kind: 'saved', at: note?.updatedAt });
        }
        fields.set(initial);
        setRevision((r) => r + 1);
      },
      (error: unknown) => alive && state.set({ kind: 'error', message: describeError(error) }),
    );
    return () => {
      alive = false;
      void flush();
    };
  }, [callId, number, repo, flush, fields, state]);

  // The page hides, unloads or is about to: write what is pending (the local draft synchronously first).
  // A hang-up asks the open note to write through noteSession.
  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && void flush();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    const unregister = noteSession.registerFlush(callId, flush);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      unregister();
    };
  }, [callId, flush]);

  const change = useCallback(
    (patch: Partial<NoteFields>, options: { external?: boolean } = {}) => {
      const next = { ...(fields.get() ?? { ...EMPTY_NOTE, phone: number }), ...patch };
      fields.set(next);
      draft.current = next;
      draftTimer.current ??= setTimeout(writeDraftNow, DRAFT_DELAY_MS);
      pending.current = next;
      // Only the first change after a save changes what the status line says.
      state.set((s) => (s.kind === 'pending' ? s : { kind: 'pending' }));
      if (options.external) setRevision((r) => r + 1);
      schedule();
    },
    [number, fields, state, schedule, writeDraftNow],
  );

  const note = useCallback(() => stored.current, []);

  return { fields, state, revision, change, flush, note };
}
