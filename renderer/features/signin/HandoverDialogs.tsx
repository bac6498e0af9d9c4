// The shift handover: written at sign-out (pre-filled by renderer/db/handoverRepository.ts's providers),
// shown to the next person at sign-in until they acknowledge it.
import { useEffect, useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItem, ListItemText, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Handover, HandoverItem } from '@shared/domain/desk';
import { messageOf } from '@shared/errors/messageOf';
import { useSession, useSessionService } from './useSession';

const KNOWN_ITEMS = new Set(['visitorsOnSite', 'openComplaints', 'openMessages', 'urgentParcels', 'equipmentFaults']);

function HandoverItems({ items, labelledBy }: { items: readonly HandoverItem[]; labelledBy: string }) {
  const { t } = useTranslation('signin');
  if (items.length === 0) return <Typography data-testid="handover-nothing">{t('handover.nothingOpen')}</Typography>;
  return (
    <List dense aria-labelledby={labelledBy} data-testid="handover-items">
      {items.map((item) => (
        <ListItem key={item.kind} disableGutters sx={{ display: 'block' }}>
          <ListItemText
            primary={KNOWN_ITEMS.has(item.kind) ? t(`handover.items.${item.kind}`, { count: item.count }) : t('handover.items.other', { kind: item.kind, count: item.count })}
            secondary={item.lines.join(' · ')}
          />
        </ListItem>
      ))}
    </List>
  );
}

export function SignOutDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('signin');
  const session = useSessionService();
  const [items, setItems] = useState<HandoverItem[] | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let alive = true;
    void session.handoverPrefill().then((found) => alive && setItems(found));
    return () => {
      alive = false;
    };
  }, [session]);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await session.signOut({ note, items: items ?? [] });
    } catch (e) {
      setError(messageOf(e));
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose} aria-labelledby="handover-write-title" maxWidth="sm" fullWidth>
      <DialogTitle id="handover-write-title">{t('handover.title')}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <Typography variant="body2" id="handover-write-items">{t('handover.intro')}</Typography>
        {items === null ? <Typography aria-busy="true">…</Typography> : <HandoverItems items={items} labelledBy="handover-write-items" />}
        <TextField id="handover-note" label={t('handover.note')} value={note} onChange={(e) => setNote(e.target.value)} multiline minRows={3} autoFocus slotProps={{ htmlInput: { maxLength: 4000 } }} />
        {error && <Alert severity="error" role="alert">{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('session.cancel')}</Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy || items === null}>{t('handover.submit')}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Shown after sign-in while a note from another person waits; it stays until acknowledged. */
export function HandoverAcknowledgement() {
  const { t, i18n } = useTranslation('signin');
  const session = useSessionService();
  const { principal } = useSession();
  const [pending, setPending] = useState<{ handover: Handover; from: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    void (async () => {
      const handover = await session.pendingHandover();
      if (!handover) return alive && setPending(null);
      const names = await session.operators.signInNames();
      const from = names.find((n) => n.id === handover.fromOperatorId)?.name ?? handover.fromOperatorId;
      if (alive) setPending({ handover, from });
    })();
    return () => {
      alive = false;
    };
  }, [session, principal?.operatorId]);
  if (!pending) return null;
  const acknowledge = async () => {
    try {
      await session.acknowledgeHandover(pending.handover.id);
      setPending(null);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(pending.handover.createdAt);
  return (
    <Dialog open aria-labelledby="handover-show-title" aria-describedby="handover-show-from" maxWidth="sm" fullWidth onClose={(_event, reason) => { if (reason !== 'escapeKeyDown' && reason !== 'backdropClick') setPending(null); }}>
      <DialogTitle id="handover-show-title">{t('handover.showTitle')}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2 }}>
        <Typography id="handover-show-from" variant="body2">{t('handover.from', { name: pending.from, time: when })}</Typography>
        {pending.handover.note && <Box component="blockquote" data-testid="handover-note" sx={{ m: 0, pl: 2, borderLeft: 4, borderColor: 'divider', whiteSpace: 'pre-wrap' }}>{pending.handover.note}</Box>}
        <HandoverItems items={pending.handover.items} labelledBy="handover-show-title" />
        {error && <Alert severity="error" role="alert">{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={() => void acknowledge()} autoFocus>{t('handover.acknowledge')}</Button>
      </DialogActions>
    </Dialog>
  );
}
