// Messages (留言): the follow-up list of every message not closed — overdue first, then by urgency and due
// time — with reminders for the overdue ones, the recently closed, and "New message". A row opens the
// message (deliver, acknowledge with a signature, close, print the slip).
import { useEffect, useMemo, useRef, useState } from 'react';
import { Box, Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Message } from '@shared/domain/switchboard';
import { followUpOrder, isMessageOverdue, reminderDue } from '@shared/messages/messageMachine';
import { repositoriesOf, useDatabase } from '../../db';
import { notifications } from '../../ui/notifications/notificationStore';
import { MessageComposer } from './MessageComposer';
import { MessageDialog } from './MessageDialog';

const TICK_MS = 30_000;

function MessageRows({ messages, now, onOpen }: { messages: Message[]; now: number; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation('messages');
  const format = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }), [i18n.language]);
  return (
    <TableBody>
      {messages.map((m) => {
        const overdue = isMessageOverdue(m, now);
        return (
          <TableRow key={m.id} data-message-id={m.id} data-status={m.status} data-overdue={overdue}>
            <TableCell>{m.dueAt ? format.format(m.dueAt) : ''}{overdue && <Chip size="small" color="error" label={t('overdue')} sx={{ ml: 1 }} />}</TableCell>
            <TableCell>{t(`urgency.${m.urgency ?? 'normal'}`)}</TableCell>
            <TableCell>{m.toName ?? ''}</TableCell>
            <TableCell>{[m.fromName, m.fromCompany].filter(Boolean).join(' · ')}</TableCell>
            <TableCell sx={{ maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{m.content}</TableCell>
            <TableCell>{t(`status.${m.status}`)}</TableCell>
            <TableCell>
              <Button size="small" onClick={() => onOpen(m.id)} aria-label={t('list.open', { to: m.toName ?? '', from: m.fromName ?? t('unknownCaller') })}>{t('list.openShort')}</Button>
            </TableCell>
          </TableRow>
        );
      })}
    </TableBody>
  );
}

function Head() {
  const { t } = useTranslation('messages');
  return (
    <TableHead>
      <TableRow>
        <TableCell>{t('fields.due')}</TableCell>
        <TableCell>{t('fields.urgency')}</TableCell>
        <TableCell>{t('fields.to')}</TableCell>
        <TableCell>{t('fields.from')}</TableCell>
        <TableCell>{t('fields.content')}</TableCell>
        <TableCell>{t('fields.status')}</TableCell>
        <TableCell>{t('list.actions')}</TableCell>
      </TableRow>
    </TableHead>
  );
}

/** Reminds the desk (a notification) of each overdue message, again every 30 minutes until it moves on. */
function useReminders(messages: Message[] | undefined, now: number) {
  const { t } = useTranslation('messages');
  const told = useRef(new Map<string, number>());
  useEffect(() => {
    for (const m of messages ?? []) {
      const last = told.current.get(m.id);
      const remindedAt = [...(m.remindedAt ?? []), ...(last ? [last] : [])];
      if (reminderDue({ ...m, remindedAt }, now)) {
        told.current.set(m.id, now);
        notifications.notify('warning', t('reminder', { to: m.toName ?? '', from: m.fromName ?? t('unknownCaller') }));
      }
    }
  }, [messages, now, t]);
}

export function MessagesScreen() {
  const { t } = useTranslation('messages');
  const db = useDatabase();
  const repo = repositoriesOf(db).messages;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const waiting = useLiveQuery(() => repo.followUpList(), [repo]);
  const closed = useLiveQuery(() => repo.recentClosed(20), [repo]);
  const ordered = useMemo(() => (waiting ? followUpOrder(waiting, now) : undefined), [waiting, now]);
  useReminders(ordered, now);
  const [composing, setComposing] = useState(false);
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const overdue = ordered?.filter((m) => isMessageOverdue(m, now)).length ?? 0;

  return (
    <Box component="section" aria-labelledby="screen-title" sx={{ p: 3, display: 'grid', gap: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography id="screen-title" variant="h5" component="h1">{t('title')}</Typography>
        <Typography color="text.secondary" role="status">{t('summary', { open: ordered?.length ?? 0, overdue })}</Typography>
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" onClick={() => setComposing(true)}>{t('actions.new')}</Button>
      </Stack>
      <Paper variant="outlined" component="section" aria-labelledby="follow-up-title" sx={{ p: 1.5 }}>
        <Typography id="follow-up-title" variant="subtitle1" component="h2">{t('list.followUp')}</Typography>
        {ordered && ordered.length === 0 ? (
          <Typography variant="body2" color="text.secondary">{t('list.empty')}</Typography>
        ) : (
          <Table size="small" aria-labelledby="follow-up-title">
            <Head />
            <MessageRows messages={ordered ?? []} now={now} onOpen={setOpenId} />
          </Table>
        )}
      </Paper>
      <Paper variant="outlined" component="section" aria-labelledby="closed-title" sx={{ p: 1.5 }}>
        <Typography id="closed-title" variant="subtitle1" component="h2">{t('list.closed')}</Typography>
        {closed && closed.length === 0 ? (
          <Typography variant="body2" color="text.secondary">{t('list.closedEmpty')}</Typography>
        ) : (
          <Table size="small" aria-labelledby="closed-title">
            <Head />
            <MessageRows messages={closed ?? []} now={now} onOpen={setOpenId} />
          </Table>
        )}
      </Paper>
      {composing && <MessageComposer onClose={() => setComposing(false)} onCreated={(m) => setOpenId(m.id)} />}
      {openId && <MessageDialog id={openId} onClose={() => setOpenId(undefined)} />}
    </Box>
  );
}
