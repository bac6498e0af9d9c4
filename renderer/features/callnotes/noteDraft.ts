// The unsaved part of a call note, kept synchronously in localStorage on every keystroke so that nothing
// typed is lost if the app reloads or the window closes before the (debounced) database write lands.
// The database is the record; the draft is removed once what it holds is stored.
import type { CallNote } from '@shared/domain/switchboard';

export interface NoteFields {
  callerName: string;
  company: string;
  phone: string;
  reason: string;
  category: string;
  important: boolean;
  time: string;
  place: string;
  people: string;
  matter: string;
}

export const EMPTY_NOTE: NoteFields = { callerName: '', company: '', phone: '', reason: '', category: 'other', important: false, time: '', place: '', people: '', matter: '' };

const PREFIX = 'frontdesk.callNote.draft.';

export interface StoredDraft {
  fields: NoteFields;
  /** When it was typed (epoch ms): a draft older than the stored note is stale. */
  at: number;
}

export function readDraft(callId: string, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): StoredDraft | undefined {
  try {
    const raw = storage?.getItem(PREFIX + callId);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as { fields?: Partial<NoteFields>; at?: unknown };
    if (!value.fields || typeof value.at !== 'number') return undefined;
    const fields = { ...EMPTY_NOTE };
    for (const key of Object.keys(EMPTY_NOTE) as (keyof NoteFields)[]) {
      const v = value.fields[key];
      if (key === 'important') fields.important = v === true;
      else if (typeof v === 'string') (fields[key] as string) = v.slice(0, 4000);
    }
    return { fields, at: value.at };
  } catch {
    return undefined;
  }
}

export function writeDraft(callId: string, fields: NoteFields, at = Date.now(), storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): boolean {
  try {
    storage?.setItem(PREFIX + callId, JSON.stringify({ fields, at }));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(callId: string, storage: Pick<Storage, 'removeItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.removeItem(PREFIX + callId);
  } catch {
    // nothing to do: a stale draft is ignored once the stored note is newer
  }
}

export function fieldsOfNote(note: CallNote): NoteFields {
  return {
    callerName: note.callerName ?? '',
    company: note.company ?? '',
    phone: note.phone ?? '',
    reason: note.reason ?? '',
    category: note.category || 'other',
    important: note.important === 1,
    time: note.keyPoints?.time ?? '',
    place: note.keyPoints?.place ?? '',
    people: note.keyPoints?.people ?? '',
    matter: note.keyPoints?.matter ?? '',
  };
}

export function inputOfFields(fields: NoteFields) {
  return {
    callerName: fields.callerName,
    company: fields.company,
    phone: fields.phone,
    reason: fields.reason,
    category: fields.category,
    important: fields.important,
    keyPoints: fields.important ? { time: fields.time, place: fields.place, people: fields.people, matter: fields.matter } : undefined,
  };
}
