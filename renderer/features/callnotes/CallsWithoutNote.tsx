// Today's calls the operator talked to that have no written note yet ("a call without a note is listed
// for the operator to complete"), newest first; "Write note" opens its note on the switchboard.
import { memo, useMemo } from 'react';
import { Button, List, ListItem, ListItemText, Paper, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { repositoriesOf, useDatabase } from '../../db';
import { useMasking } from '../signin';
import { noteSession } from './noteSession';

/** How many of today's talked-to calls are read, and how many without a note are listed. */
const SCAN = 500;
const LIMIT = 20;

export const CallsWithoutNote = memo(function CallsWithoutNote() {
  const { t, i18n } = useTranslation('callnotes');
  const db = useDatabase();
  const since = useMemo(() => {
    const d = new Date();
    d.setHours(0, 0, 0, 0);
    return d.getTime();
  }, []);
  // Two live queries: the calls (woken by a call record changing) and which of them have a written note
  // (woken by a note being saved, a cheap read by the callId index). The note's autosave never re-runs
  // the read of today's calls.
  const talkedTo = useLiveQuery(() => repositoriesOf(db).callNotes.talkedToSince(since, SCAN), [db, since]);
  const ids = useMemo(() => (talkedTo ?? []).map((c) => c.id), [talkedTo]);
  const idsKey = ids.join(',');
  // Keyed by the ids' text: a re-read of the calls that finds the same calls does not re-query the notes.
  const written = useLiveQuery(() => repositoriesOf(db).callNotes.writtenNoteCallIds(ids), [db, idsKey]);
  const calls = useMemo(() => (talkedTo && written ? talkedTo.filter((c) => !written.has(c.id)).slice(0, LIMIT) : undefined), [talkedTo, written]);
  const time = useMemo(() => new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }), [i18n.language]);
  // The caller's number as the person's roles may see it (shared/auth/permissions.ts: operators see it in full).
  const masking = useMasking();
  return (
    <Paper variant="outlined" component="section" aria-labelledby="calls-without-note-title" sx={{ p: 1.5 }}>
      <Typography id="calls-without-note-title" variant="subtitle1" component="h2">{t('missing.title')}</Typography>
      {calls && calls.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{t('missing.empty')}</Typography>
      ) : (
        <List dense aria-labelledby="calls-without-note-title">
          {(calls ?? []).map((c) => (
            <ListItem
              key={c.id}
              data-call-id={c.id}
              secondaryAction={
                <Button size="small" onClick={() => noteSession.open({ callId: c.id, number: c.remoteNumber, remoteName: c.remoteName })} aria-label={t('missing.write', { who: c.remoteName ?? masking.phone(c.remoteNumber), time: time.format(c.startedAt) })}>
                  {t('missing.writeShort')}
                </Button>
              }
            >
              <ListItemText primary={`${time.format(c.startedAt)} · ${c.remoteName ? `${c.remoteName} ` : ''}${masking.phone(c.remoteNumber)}`} />
            </ListItem>
          ))}
        </List>
      )}
    </Paper>
  );
});
