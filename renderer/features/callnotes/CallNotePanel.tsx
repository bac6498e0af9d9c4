// The note of a call (issue 10), on the switchboard: opens with the call (and with Alt+N), can be filled
// while talking and after hang-up, and autosaves every change (useCallNoteAutosave.ts). Name and company
// are suggested from earlier notes of the same number. "Leave a message" turns the note into a message
// for a person or department (features/messages).
import { memo, useEffect, useState, type Ref } from 'react';
import { Box, Button, Checkbox, FormControlLabel, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { noteCategories, repositoriesOf, useDatabase, type CallerSuggestion } from '../../db';
import { useFocusTarget } from '../../ui/focus/useFocusTarget';
import { MessageComposer, type MessageDraft } from '../messages';
import { noteSession, type OpenNote } from './noteSession';
import { useCallNoteAutosave } from './useCallNoteAutosave';

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
const LONG = { htmlInput: { maxLength: 2000 } } as const;
const WHOLE_ROW = { gridColumn: { sm: '1 / -1' } } as const;

/**
 * One text field of the note. Memoised with stable props (the constants above, `change` from the autosave
 * hook), so a keystroke renders only the field typed in, not all ten MUI fields of the note: the note must
 * stay under 16 ms a keystroke while the operator types during a call (issue 10's benchmark,
 * tests/bench/callnotes.bench.ts).
 */
const NoteField = memo(function NoteField(props: {
  id: string;
  name: TextFieldName;
  label: string;
  value: string;
  disabled: boolean;
  onPatch: (patch: Partial<Record<TextFieldName, string>>) => void;
  limits: typeof SHORT | typeof MEDIUM | typeof LONG;
  multiline?: boolean;
  wholeRow?: boolean;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const { id, name, label, value, disabled, onPatch, limits, multiline, wholeRow, inputRef } = props;
  return (
    <TextField
      id={id}
      inputRef={inputRef}
      size="small"
      label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onPatch({ [name]: e.target.value })}
      slotProps={limits}
      {...(multiline ? { multiline: true, minRows: 2 } : {})}
      {...(wholeRow ? { sx: WHOLE_ROW } : {})}
    />
  );
});

export function CallNotePanel({ open }: { open: OpenNote }) {
  const { t, i18n } = useTranslation('callnotes');
  const db = useDatabase();
  const { fields, state, change, flush, note } = useCallNoteAutosave(open.callId, open.number);
  const categories = useCategories();
  const [suggestions, setSuggestions] = useState<CallerSuggestion[]>([]);
  const [composing, setComposing] = useState<MessageDraft | undefined>(undefined);
  const nameRef = useFocusTarget<HTMLInputElement>(NOTE_FOCUS_TARGET);

  useEffect(() => {
    let alive = true;
    void repositoriesOf(db).callNotes.suggestions(open.number, open.callId).then((s) => alive && setSuggestions(s), () => undefined);
    return () => {
      alive = false;
    };
  }, [db, open.number, open.callId]);

  const titleId = `call-note-${open.callId}`;
  const time = (at: number) => new Intl.DateTimeFormat(i18n.language, { timeStyle: 'medium' }).format(at);
  const status =
    state.kind === 'loading' ? t('status.loading')
      : state.kind === 'pending' ? t('status.pending')
        : state.kind === 'error' ? t('status.error', { message: state.message })
          : state.at ? t('status.saved', { time: time(state.at) }) : t('status.new');
  const categoryLabel = (id: string) => t(`categories.${id}`, { defaultValue: id });
  const disabled = fields === undefined;
  const f = fields;
  const shownSuggestions = suggestions.filter((s) => f && (s.callerName !== f.callerName || s.company !== f.company)).slice(0, 3);

  return (
    <Paper variant="outlined" component="section" aria-labelledby={titleId} data-call-note={open.callId} sx={{ p: 1.5 }}>
      <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, flexWrap: 'wrap' }}>
        <Typography id={titleId} variant="subtitle1" component="h2">
          {t('title', { who: open.remoteName ? `${open.remoteName} (${open.number})` : open.number || t('unknownCaller') })}
        </Typography>
        <Typography variant="body2" color={state.kind === 'error' ? 'error' : 'text.secondary'} role="status" data-testid="note-save-state" data-state={state.kind}>
          {status}
        </Typography>
      </Stack>
      {shownSuggestions.length > 0 && (
        <Stack direction="row" spacing={1} sx={{ my: 1, alignItems: 'center', flexWrap: 'wrap' }} aria-label={t('suggestions.label')} role="group">
          <Typography variant="body2" color="text.secondary">{t('suggestions.label')}</Typography>
          {shownSuggestions.map((s) => {
            const label = [s.callerName, s.company].filter(Boolean).join(' · ');
            return (
              <Button key={label} size="small" variant="outlined" disabled={disabled} onClick={() => change({ callerName: s.callerName ?? '', company: s.company ?? '' })} aria-label={t('suggestions.use', { label })}>
                {label}
              </Button>
            );
          })}
        </Stack>
      )}
      <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: { sm: '1fr 1fr' }, mt: 1 }}>
        <NoteField id={`${titleId}-name`} inputRef={nameRef} name="callerName" label={t('fields.callerName')} value={f?.callerName ?? ''} disabled={disabled} onPatch={change} limits={SHORT} />
        <NoteField id={`${titleId}-company`} name="company" label={t('fields.company')} value={f?.company ?? ''} disabled={disabled} onPatch={change} limits={MEDIUM} />
        <NoteField id={`${titleId}-phone`} name="phone" label={t('fields.phone')} value={f?.phone ?? ''} disabled={disabled} onPatch={change} limits={SHORT} />
        <TextField id={`${titleId}-category`} select size="small" label={t('fields.category')} value={f && categories.includes(f.category) ? f.category : (f?.category ?? '')} disabled={disabled} onChange={(e) => change({ category: e.target.value })}>
          {[...new Set([...categories, ...(f?.category ? [f.category] : [])])].map((c) => (
            <MenuItem key={c} value={c}>{categoryLabel(c)}</MenuItem>
          ))}
        </TextField>
        <NoteField id={`${titleId}-reason`} name="reason" label={t('fields.reason')} value={f?.reason ?? ''} disabled={disabled} onPatch={change} limits={LONG} multiline wholeRow />
        <FormControlLabel
          sx={{ gridColumn: { sm: '1 / -1' } }}
          control={<Checkbox checked={f?.important ?? false} disabled={disabled} onChange={(e) => change({ important: e.target.checked })} />}
          label={t('fields.important')}
        />
        {f?.important && (
          <>
            <NoteField id={`${titleId}-time`} name="time" label={t('fields.time')} value={f.time} disabled={false} onPatch={change} limits={MEDIUM} />
            <NoteField id={`${titleId}-place`} name="place" label={t('fields.place')} value={f.place} disabled={false} onPatch={change} limits={MEDIUM} />
            <NoteField id={`${titleId}-people`} name="people" label={t('fields.people')} value={f.people} disabled={false} onPatch={change} limits={MEDIUM} wholeRow />
            <NoteField id={`${titleId}-matter`} name="matter" label={t('fields.matter')} value={f.matter} disabled={false} onPatch={change} limits={LONG} multiline wholeRow />
          </>
        )}
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 1.5 }}>
        <Button
          variant="outlined"
          disabled={disabled}
          onClick={() => {
            void flush();
            setComposing({
              fromName: f?.callerName,
              fromCompany: f?.company,
              fromPhone: f?.phone || open.number,
              content: [f?.reason, f?.important ? [f.time, f.place, f.people, f.matter].filter(Boolean).join(' / ') : ''].filter(Boolean).join('\n'),
              callNoteId: note?.id,
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
}
