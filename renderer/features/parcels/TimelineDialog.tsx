// The chain of custody of one item as a timeline (docs/REQUIREMENTS.md §2): every parcelEvents row,
// oldest first — received by whom, moved where, who was told by which channel, handed to whom (with the
// signature), returned, refused, corrected.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import type { ParcelEvent } from '@shared/domain';
import { repositoriesOf, useDatabase } from '../../db';
import { itemName } from './parcelFormat';
import { TYPED_SIGNATURE_PREFIX as TYPED_PREFIX } from './HandOverPanel';


export function TimelineDialog({ parcelId, onClose }: { parcelId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('parcels');
  const db = useDatabase();
  const data = useLiveQuery(async () => {
    const repos = repositoriesOf(db);
    const parcel = await repos.parcels.get(parcelId, { includeDeleted: true });
    return { parcel, events: await repos.parcels.events(parcelId) };
  }, [db, parcelId]);
  const time = (at: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'medium' }).format(at);

  const details = (e: ParcelEvent): string[] => {
    const lines: string[] = [];
    if (e.kind === 'moved') lines.push(t('timeline.moved', { from: e.fromShelf ?? '—', to: e.shelf ?? '—' }));
    else if (e.shelf) lines.push(t('timeline.shelf', { shelf: e.shelf }));
    if (e.handedTo) lines.push(t('timeline.handedTo', { name: e.handedTo }) + (e.delegate ? t('timeline.delegate') : ''));
    if (e.channels?.length) lines.push(t('timeline.channels', { channels: e.channels.map((c) => t(`channels.${c}`)).join(', ') }));
    if (e.failures?.length) lines.push(t('timeline.failures', { failures: e.failures.join('; ') }));
    if (e.reason) lines.push(t('timeline.reason', { reason: e.reason }));
    if (e.changes?.length) lines.push(...e.changes);
    if (e.notes) lines.push(e.notes);
    return lines;
  };

  const titleId = 'parcels-timeline-title';
  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} maxWidth="sm" fullWidth>
      <DialogTitle id={titleId}>{t('timeline.title', { item: data?.parcel ? itemName(t, data.parcel) : '' })}</DialogTitle>
      <DialogContent>
        {data && data.events.length === 0 && <Typography>{t('timeline.empty')}</Typography>}
        <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} aria-labelledby={titleId} data-testid="parcels-timeline">
          {data?.events.map((e) => (
            <Box component="li" key={e.id} data-event={e.kind} sx={{ borderLeft: 3, borderColor: e.kind === 'handedOver' ? 'success.main' : 'divider', pl: 2, pb: 2 }}>
              <Typography variant="subtitle2" component="p">{t(`timeline.events.${e.kind}`)} · {time(e.at)}</Typography>
              <Typography variant="caption" color="text.secondary" component="p">{t('timeline.by', { actor: e.actorId })}</Typography>
              {details(e).map((line, i) => <Typography key={i} variant="body2" component="p">{line}</Typography>)}
              {e.photo && (
                <Box component="img" src={e.photo} alt={t('timeline.photo')} sx={{ mt: 1, maxWidth: 320, maxHeight: 240, border: 1, borderColor: 'divider' }} />
              )}
              {e.signature?.startsWith('data:image/png') && (
                <Box component="img" src={e.signature} alt={t('timeline.signature')} sx={{ mt: 1, maxWidth: 240, maxHeight: 90, border: 1, borderColor: 'divider', bgcolor: '#fff' }} />
              )}
              {e.signature?.startsWith(TYPED_PREFIX) && <Typography variant="body2" component="p">{t('timeline.typedSignature', { name: e.signature.slice(TYPED_PREFIX.length) })}</Typography>}
            </Box>
          ))}
        </Box>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} autoFocus>{t('common:actions.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
