// Hand-over (派送/领取, docs/REQUIREMENTS.md §2): find the items by scanning the item (its tracking number),
// its shelf label (FDP1:<id>), or by searching the recipient (every waiting item of that person is added);
// several items of one recipient go in one hand-over, to the recipient or a named delegate, who signs on
// screen (renderer/ui/signature; typing the name is the keyboard alternative). One 'handedOver' event per
// item, in the same transaction as the items' change, each carrying the signature.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import CloseIcon from '@mui/icons-material/Close';
import type { Parcel } from '@shared/domain';
import { isWaiting } from '@shared/parcels/parcelMachine';
import { repositoriesOf, useDatabase } from '../../db';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/notifications/notificationStore';
import { SignatureField, type SignatureValue } from '../../ui/signature';
import { searchRecipients } from './RecipientPicker';
import { itemName, recipientLabel } from './parcelFormat';

/** How a typed-name confirmation is stored in the event's signature field (a drawn one is a PNG data URL). */
export const TYPED_SIGNATURE_PREFIX = 'typed:';

export function HandOverPanel() {
  const { t } = useTranslation('parcels');
  const db = useDatabase();
  const notify = useNotify();
  const findRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Parcel[]>([]);
  const [message, setMessage] = useState<string>();
  const [byDelegate, setByDelegate] = useState(false);
  const [delegateName, setDelegateName] = useState('');
  const [signature, setSignature] = useState<SignatureValue | null>(null);
  const [errors, setErrors] = useState<{ delegate?: string; signature?: string; save?: string }>({});
  const [busy, setBusy] = useState(false);
  const [signatureKey, setSignatureKey] = useState(0);

  const add = (found: readonly Parcel[]) => {
    const waiting = found.filter((p) => isWaiting(p.status) && p.deletedAt === undefined);
    setItems((current) => {
      const ids = new Set(current.map((p) => p.id));
      return [...current, ...waiting.filter((p) => !ids.has(p.id))];
    });
    return waiting.length;
  };

  const find = async (raw: string) => {
    const text = raw.trim();
    if (!text) return;
    const repos = repositoriesOf(db);
    let added = add(await repos.parcels.findByScan(text));
    if (added === 0) {
      const [person] = await searchRecipients(db, text);
      if (person) added = add(await repos.parcels.waitingFor(person.id));
    }
    setMessage(added > 0 ? t('handOver.added', { count: added }) : t('handOver.notFound', { query: text }));
    setQuery('');
    findRef.current?.focus();
  };

  const recipients = new Set(items.map((p) => p.recipientStaffId ?? `name:${p.recipientName ?? ''}`));
  const mixed = recipients.size > 1;
  const recipientName = items[0] ? (items[0].recipientName ?? '') : '';

  const confirm = async () => {
    const next: typeof errors = {};
    if (byDelegate && !delegateName.trim()) next.delegate = t('handOver.delegateRequired');
    if (!signature) next.signature = t('handOver.signatureRequired');
    setErrors(next);
    if (next.delegate || next.signature || items.length === 0 || mixed) return;
    const collectedBy = byDelegate ? delegateName.trim() : recipientName || delegateName.trim();
    setBusy(true);
    try {
      const done = await repositoriesOf(db).parcels.handOver({
        parcelIds: items.map((p) => p.id),
        collectedBy,
        delegate: byDelegate,
        signature: signature!.method === 'drawn' ? signature!.dataUrl : `${TYPED_SIGNATURE_PREFIX}${signature!.typedName}`,
      });
      notify('success', t('handOver.done', { count: done.length, name: collectedBy }));
      setItems([]);
      setSignature(null);
      setSignatureKey((k) => k + 1);
      setDelegateName('');
      setByDelegate(false);
      setMessage(undefined);
      findRef.current?.focus();
    } catch (e) {
      setErrors({ save: t('handOver.failed', { message: describeError(e) }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="parcels-handover-heading" sx={{ p: 2, maxWidth: 820 }}>
      <Typography id="parcels-handover-heading" variant="h6" component="h2" sx={{ mb: 2 }}>{t('handOver.heading')}</Typography>
      <Stack spacing={2}>
        <TextField
          id="parcels-handover-find"
          inputRef={findRef}
          label={t('handOver.find')}
          helperText={message ?? t('handOver.findHelp')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
              e.preventDefault();
              void find((e.target as HTMLInputElement).value);
            }
          }}
          size="small"
          autoComplete="off"
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
        <div>
          <Typography id="parcels-handover-items" variant="subtitle2">{t('handOver.selected')}</Typography>
          {items.length === 0 ? (
            <Typography variant="body2" color="text.secondary">{t('handOver.none')}</Typography>
          ) : (
            <List dense aria-labelledby="parcels-handover-items" data-testid="parcels-handover-items">
              {items.map((p) => (
                <ListItem
                  key={p.id}
                  disableGutters
                  secondaryAction={
                    <IconButton edge="end" aria-label={t('handOver.remove', { item: itemName(t, p) })} onClick={() => setItems((list) => list.filter((i) => i.id !== p.id))}>
                      <CloseIcon />
                    </IconButton>
                  }
                >
                  <ListItemText
                    primary={<>{p.urgent ? <Chip size="small" color="error" label={t('waiting.urgent')} sx={{ mr: 1 }} /> : null}{itemName(t, p)}</>}
                    secondary={`${recipientLabel(t, p)}${p.shelf ? ` · ${p.shelf}` : ''}`}
                  />
                </ListItem>
              ))}
            </List>
          )}
          {mixed && <Alert severity="warning" role="alert">{t('handOver.mixed')}</Alert>}
        </div>
        <div>
          <FormLabel id="parcels-handover-collector">{t('handOver.collector')}</FormLabel>
          <RadioGroup row aria-labelledby="parcels-handover-collector" value={byDelegate ? 'delegate' : 'recipient'} onChange={(e) => setByDelegate(e.target.value === 'delegate')}>
            <FormControlLabel value="recipient" control={<Radio />} label={recipientName ? `${t('handOver.byRecipient')} (${recipientName})` : t('handOver.byRecipient')} />
            <FormControlLabel value="delegate" control={<Radio />} label={t('handOver.byDelegate')} />
          </RadioGroup>
          {byDelegate && (
            <TextField id="parcels-handover-delegate" label={t('handOver.delegateName')} value={delegateName} onChange={(e) => setDelegateName(e.target.value.slice(0, 64))}
              size="small" required error={Boolean(errors.delegate)} helperText={errors.delegate} sx={{ mt: 1 }} autoComplete="off" />
          )}
        </div>
        {/* Required by the hand-over itself (checked on confirm, with its message): the widget's own `required`
            puts aria-required on its fieldset, which axe refuses (aria-allowed-attr). */}
        <SignatureField key={signatureKey} id="parcels-handover-signature" label={t('handOver.signature')} value={signature} onChange={setSignature} error={errors.signature} />
        {errors.save && <Alert severity="error" role="alert">{errors.save}</Alert>}
        <Stack direction="row">
          <Button variant="contained" onClick={() => void confirm()} disabled={busy || items.length === 0 || mixed}>{t('handOver.confirm', { count: items.length })}</Button>
        </Stack>
      </Stack>
    </Paper>
  );
}
