// The note of a call (issue 10), on the switchboard: opens with the call (and with Alt+N), can be filled
// while talking and after hang-up, and autosaves every change (useCallNoteAutosave.ts); a keystroke renders
// no component (the text fields are uncontrolled and write into the autosave's store). Name and company
// are suggested from earlier notes of the same number. "Leave a message" turns the note into a message
// for a person or department (features/messages).
import { memo, useEffect, useState, type Ref } from 'react';
import type { Store } from '@shared/store/createStore';
import { Box, Button, Checkbox, FormControlLabel, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { noteCategories, repositoriesOf, useDatabase, type CallerSuggestion } from '../../db';
import { useFocusTarget } from '../../ui/focus/useFocusTarget';
import { MessageComposer, type MessageDraft } from '../messages';
import { noteSession, type OpenNote } from './noteSession';
import { useCallNoteAutosave, type SaveState } from './useCallNoteAutosave';
import type { NoteFields } from './noteDraft';
import { useStore } from '../../ui/useStore';

export const NOTE_FOCUS_TARGET = 'callnotes.name';

function useCategories(): string[] {
  const db = useDatabase();
  const [list, setList] = useState<string[]>([]);
  useEffect(() => {
    let alive = true;
    void noteCategories(db).then((c) => alive && setList(c));
    return () => {
      alive = false;
    };
  }, [db]);
  return list;
}

type TextFieldName = 'callerName' | 'company' | 'phone' | 'reason' | 'time' | 'place' | 'people' | 'matter';
const SHORT = { htmlInput: { maxLength: 64 } } as const;
const MEDIUM = { htmlInput: { maxLength: 200 } } as const;
// A long text is a plain <textarea> of three rows (scrolls, and the operator may drag it taller), not MUI's
// multiline TextareaAutosize, which measures a hidden copy of the text with a forced layout on every
// keystroke; nor a textarea grown by CSS (field-sizing), whose every keystroke re-lays out the page around it.
const LONG = { input: { inputComponent: 'textarea' }, htmlInput: { maxLength: 2000, rows: 3 } } as const;
const WHOLE_ROW = { gridColumn: { sm: '1 / -1' } } as const;
const GROWING = { '& textarea': { height: 'auto', resize: 'vertical' } } as const;
const GROWING_WHOLE_ROW = { ...WHOLE_ROW, ...GROWING } as const;

/**
 * One text field of the note, uncontrolled: it starts from the note's stored (or drafted) value and its
 * keystrokes go straight to the autosave (`onPatch`), so typing renders nothing, not even this field; the
 * note must stay under 16 ms a keystroke while the operator types during a call (issue 10's benchmark,
 * tests/bench/callnotes.bench.ts). A value set from outside (loaded, a suggestion used) remounts it (the
 * panel's `revision` is part of its key).
 */
const NoteField = memo(function NoteField(props: {
  id: string;
  name: TextFieldName;
  label: string;
  fields: Store<NoteFields | undefined>;
  disabled: boolean;
  onPatch: (patch: Partial<Record<TextFieldName, string>>) => void;
  limits: typeof SHORT | typeof MEDIUM | typeof LONG;
  wholeRow?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { id, name, label, fields, disabled, onPatch, limits, wholeRow, inputRef } = props;
  const [initial] = useState(() => fields.get()?.[name] ?? '');
  const long = limits === LONG;
  return (
    <TextField
      id={id}
      inputRef={inputRef}
      size="small"
      label={label}
      defaultValue={initial}
      disabled={disabled}
      onChange={(e) => onPatch({ [name]: e.target.value })}
      slotProps={limits}
      sx={long ? (wholeRow ? GROWING_WHOLE_ROW : GROWING) : wholeRow ? WHOLE_ROW : undefined}
    />
  );
});

/** "Saved at 10:32" and the like; renders only when the save state changes (not per keystroke). */
const SaveStatus = memo(function SaveStatus({ state }: { state: Store<SaveState> }) {
  const { t, i18n } = useTranslation('callnotes');
  const current = useStore(state);
  const status =
    current.kind === 'loading' ? t('status.loading')
      : current.kind === 'pending' ? t('status.pending')
        : current.kind === 'error' ? t('status.error', { message: current.message })
          : current.at ? t('status.saved', { time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(current.at) }) : t('status.new');
  return (
    <Typography variant="body2" color={current.kind === 'error' ? 'error' : 'text.secondary'} role="status" data-testid="note-save-state" data-state={current.kind}>
      {status}
    </Typography>
  );
});

/** Name and company from earlier notes of the number that differ from what the note says now. */
const Suggestions = memo(function Suggestions({ suggestions, fields, disabled, onUse }: { suggestions: CallerSuggestion[]; fields: Store<NoteFields | undefined>; disabled: boolean; onUse: (s: CallerSuggestion) => void }) {
  const { t } = useTranslation('callnotes');
  // Re-renders for a keystroke in the name or company only (a string selected: equal strings do not wake it).
  const nameAndCompany = useStore(fields, (f) => (f ? `${f.callerName}\u0000${f.company}` : undefined));
  const shown = suggestions.filter((s) => nameAndCompany !== undefined && `${s.callerName ?? ''}\u0000${s.company ?? ''}` !== nameAndCompany).slice(0, 3);
  if (shown.length === 0) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ my: 1, alignItems: 'center', flexWrap: 'wrap' }} aria-label={t('suggestions.label')} role="group">
      <Typography variant="body2" color="text.secondary">{t('suggestions.label')}</Typography>
      {shown.map((s) => {
        const label = [s.callerName, s.company].filter(Boolean).join(' · ');
        return (
          <Button key={label} size="small" variant="outlined" disabled={disabled} onClick={() => onUse(s)} aria-label={t('suggestions.use', { label })}>
            {label}
          </Button>
        );
      })}
    </Stack>
  );
});

export const CallNotePanel = memo(function CallNotePanel({ open }: { open: OpenNote }) {
  const { t } = useTranslation('callnotes');
  const db = useDatabase();
  const { fields, state, revision, change, flush, note } = useCallNoteAutosave(open.callId, open.number);
  const categories = useCategories();
  const [suggestions, setSuggestions] = useState<CallerSuggestion[]>([]);
  const [composing, setComposing] = useState<MessageDraft | undefined>(undefined);
  const nameRef = useFocusTarget<HTMLInputElement>(NOTE_FOCUS_TARGET);
  // What the panel itself shows: rendered when one of these changes, not for text typed.
  const loaded = useStore(fields, (f) => f !== undefined);
  const important = useStore(fields, (f) => f?.important ?? false);
  const category = useStore(fields, (f) => f?.category ?? '');

  useEffect(() => {
    let alive = true;
    void repositoriesOf(db).callNotes.suggestions(open.number, open.callId).then((s) => alive && setSuggestions(s), () => undefined);
    return () => {
      alive = false;
    };
  }, [db, open.number, open.callId]);

  const titleId = `call-note-${open.callId}`;
  const categoryLabel = (id: string) => t(`categories.${id}`, { defaultValue: id });
  const disabled = !loaded;
  const key = (name: TextFieldName) => `${name}:${revision}`;

  return (
    <Paper
      variant="outlined"
      component="section"
      aria-labelledby={titleId}
      data-call-note={open.callId}
      sx={{ p: 1.5 }}
      onBlur={(e) => {
        // Leaving the note (the focus goes elsewhere on the page, or the window loses it): write it now.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) void flush();
      }}
    >
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, flexWrap: 'wrap' }}>
        <Typography id={titleId} variant="subtitle1" component="h2">
          {t('title', { who: open.remoteName ? `${open.remoteName} (${open.number})` : open.number || t('unknownCaller') })}
        </Typography>
        <SaveStatus state={state} />
      </Stack>
      {suggestions.length > 0 && (
        <Suggestions suggestions={suggestions} fields={fields} disabled={disabled} onUse={(s) => change({ callerName: s.callerName ?? '', company: s.company ?? '' }, { external: true })} />
      )}
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { sm: '1fr 1fr' }, mt: 1 }}>
        <NoteField key={key('callerName')} id={`${titleId}-name`} inputRef={nameRef} name="callerName" label={t('fields.callerName')} fields={fields} disabled={disabled} onPatch={change} limits={SHORT} />
        <NoteField key={key('company')} id={`${titleId}-company`} name="company" label={t('fields.company')} fields={fields} disabled={disabled} onPatch={change} limits={MEDIUM} />
        <NoteField key={key('phone')} id={`${titleId}-phone`} name="phone" label={t('fields.phone')} fields={fields} disabled={disabled} onPatch={change} limits={SHORT} />
        <TextField id={`${titleId}-category`} select size="small" label={t('fields.category')} value={loaded ? category : ''} disabled={disabled} onChange={(e) => change({ category: e.target.value })}>
          {[...new Set([...categories, ...(category ? [category] : [])])].map((c) => (
            <MenuItem key={c} value={c}>{categoryLabel(c)}</MenuItem>
          ))}
        </TextField>
        <NoteField key={key('reason')} id={`${titleId}-reason`} name="reason" label={t('fields.reason')} fields={fields} disabled={disabled} onPatch={change} limits={LONG} wholeRow />
        <FormControlLabel
          sx={{ gridColumn: { sm: '1 / -1' } }}
          control={<Checkbox checked={important} disabled={disabled} onChange={(e) => change({ important: e.target.checked })} />}
          label={t('fields.important')}
        />
        {important && (
          <>
            <NoteField key={key('time')} id={`${titleId}-time`} name="time" label={t('fields.time')} fields={fields} disabled={false} onPatch={change} limits={MEDIUM} />
            <NoteField key={key('place')} id={`${titleId}-place`} name="place" label={t('fields.place')} fields={fields} disabled={false} onPatch={change} limits={MEDIUM} />
            <NoteField key={key('people')} id={`${titleId}-people`} name="people" label={t('fields.people')} fields={fields} disabled={false} onPatch={change} limits={MEDIUM} wholeRow />
            <NoteField key={key('matter')} id={`${titleId}-matter`} name="matter" label={t('fields.matter')} fields={fields} disabled={false} onPatch={change} limits={LONG} wholeRow />
          </>
        )}
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
        <Button
          variant="outlined"
          disabled={disabled}
          onClick={() => {
            void flush();
            const f = fields.get();
            setComposing({
              fromName: f?.callerName,
              fromCompany: f?.company,
              fromPhone: f?.phone || open.number,
              content: [f?.reason, f?.important ? [f.time, f.place, f.people, f.matter].filter(Boolean).join(' / ') : ''].filter(Boolean).join('\n'),
              callNoteId: note()?.id,
              callId: open.callId,
              urgency: f?.important ? 'urgent' : 'normal',
            });
          }}
        >
          {t('actions.message')}
        </Button>
        <Button
          onClick={() => {
            void flush();
            noteSession.close();
          }}
        >
          {t('actions.close')}
        </Button>
      </Stack>
      {composing && <MessageComposer draft={composing} onClose={() => setComposing(undefined)} />}
    </Paper>
  );
});
