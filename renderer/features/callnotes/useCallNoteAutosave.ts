// Autosave of one call's note (issue 10: "nothing typed is lost if the call drops, the app reloads or the
// window closes"). Every change is kept synchronously in localStorage (noteDraft.ts) and written to the
// database through the write path after a short pause in typing; a pending write is flushed at once when
// the page hides or unloads, when the note closes and when another call's note opens. On opening, a draft
// newer than the stored note wins (a reload mid-typing) and is saved.
import { useCallback, useEffect, useRef, useState } from 'react';
import { repositoriesOf, useDatabase, type CallNote } from '../../db';
import { describeError } from '../../ui/describeError';
import { recordMetric } from '../../platform/metrics';
import { clearDraft, EMPTY_NOTE, fieldsOfNote, inputOfFields, readDraft, writeDraft, type NoteFields } from './noteDraft';

export const AUTOSAVE_DELAY_MS = 400;

export type SaveState = { kind: 'loading' } | { kind: 'saved'; at?: number } | { kind: 'pending' } | { kind: 'error'; message: string };

export function useCallNoteAutosave(callId: string, number: string) {
  const db = useDatabase();
  const repo = repositoriesOf(db).callNotes;
  const [fields, setFields] = useState<NoteFields | undefined>(undefined);
  const [state, setState] = useState<SaveState>({ kind: 'loading' });
  const current = useRef<NoteFields | undefined>(undefined);
  const pending = useRef<NoteFields | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const [note, setNote] = useState<CallNote | undefined>(undefined);

  const flush = useCallback(() => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
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
        setNote(saved);
        if (pending.current === null) {
          clearDraft(callId);
          setState({ kind: 'saved', at: saved.updatedAt });
        }
      })
      .catch((error: unknown) => {
        // The draft stays in localStorage; the next change or the next opening saves it again.
        setState({ kind: 'error', message: describeError(error) });
      });
    return chain.current;
  }, [callId, repo]);

  // Load: the stored note, or a newer draft left by a reload, or a new note with the call's number.
  useEffect(() => {
    let alive = true;
    setFields(undefined);
    setState({ kind: 'loading' });
    void repo.forCall(callId).then(
      (stored) => {
        if (!alive) return;
        setNote(stored);
        const draft = readDraft(callId);
        let initial: NoteFields;
        if (draft && (!stored || draft.at > stored.updatedAt)) {
          initial = draft.fields;
          pending.current = draft.fields;
          setState({ kind: 'pending' });
          timer.current = setTimeout(() => void flush(), 0);
        } else {
          initial = stored ? fieldsOfNote(stored) : { ...EMPTY_NOTE, phone: number };
          setState({ kind: 'saved', at: stored?.updatedAt });
        }
        current.current = initial;
        setFields(initial);
      },
      (error: unknown) => alive && setState({ kind: 'error', message: describeError(error) }),
    );
    return () => {
      alive = false;
      void flush();
    };
  }, [callId, number, repo, flush]);

  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => document.visibilityState === 'hidden' && void flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [flush]);

  const change = useCallback(
    (patch: Partial<NoteFields>) => {
      const base = current.current ?? { ...EMPTY_NOTE, phone: number };
      const next = { ...base, ...patch };
      current.current = next;
      setFields(next);
      writeDraft(callId, next);
      pending.current = next;
      setState({ kind: 'pending' });
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
    },
    [callId, number, flush],
  );

  return { fields, state, change, flush, note };
}
