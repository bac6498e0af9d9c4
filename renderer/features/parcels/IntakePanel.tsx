// Intake, bulk mode and keyboard only (docs/REQUIREMENTS.md §2): a USB scanner types the tracking number
// and Enter; the carrier is detected (shared/parcels/carriers.ts) — an ambiguous number asks for a one-key
// choice; then the recipient (name, pinyin, extension) and Enter saves, and the cursor is back in the
// number field for the next scan. Type, shelf and pieces stay for the next item (a desk sorts a whole
// delivery onto one shelf); the urgent flag is per item (Alt+U). An open item with the same number is
// caught and shown. A running count, the last items and undo of the last one (Alt+Z) are on the panel.
// "Scan with camera" reads the label's barcode with the webcam (CameraScanDialog) into the same number field.
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type Dispatch, type KeyboardEvent, type RefObject, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import UndoIcon from '@mui/icons-material/Undo';
import PhotoCameraIcon from '@mui/icons-material/PhotoCamera';
import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import type { Parcel, ParcelType } from '@shared/domain';
import { PARCEL_TYPES } from '@shared/domain/plain/parcels';
import { defaultCarrier, detectCarrier, trackingKey, type CarrierDetection, type CarrierId } from '@shared/parcels/carriers';
import { repositoriesOf, useDatabase } from '../../db';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/notifications/notificationStore';
import { useShortcut } from '../../ui/shortcuts/ShortcutProvider';
import { recordMetric } from '../../platform/metrics';
import { RecipientPicker, type RecipientPick } from './RecipientPicker';
import { carrierName, itemName, recipientLabel } from './parcelFormat';
import { notifyRecipient } from './notifyRecipient';
import { labelPhotoFromFile } from './labelPhoto';
import { CameraScanDialog } from './CameraScanDialog';

const LAST_SHOWN = 8;

export interface IntakePanelProps {
  trackingRef: RefObject<HTMLInputElement | null>;
  departments: ReadonlyMap<string, string>;
  active: boolean;
}

export function IntakePanel({ trackingRef, departments, active }: IntakePanelProps) {
  const { t, i18n } = useTranslation('parcels');
  const db = useDatabase();
  const notify = useNotify();
  const repos = repositoriesOf(db);
  const recipientRef = useRef<HTMLInputElement>(null);
  const choiceRef = useRef<HTMLUListElement>(null);
  const [tracking, setTracking] = useState('');
  const [detection, setDetection] = useState<CarrierDetection>();
  const [carrier, setCarrier] = useState<CarrierId>();
  const [choosing, setChoosing] = useState(false);
  const [activeChoice, setActiveChoice] = useState(0);
  const [duplicate, setDuplicate] = useState<Parcel>();
  const [type, setType] = useState<ParcelType>('parcel');
  const [urgent, setUrgent] = useState(false);
  const [shelf, setShelf] = useState('');
  const [pieces, setPieces] = useState('1');
  const [notes, setNotes] = useState('');
  const [photo, setPhoto] = useState<string>();
  const [session, setSession] = useState<Parcel[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [cameraOpen, setCameraOpen] = useState(false);

  useShortcut({ id: 'parcels.urgent', keys: 'Alt+U', descriptionKey: 'parcels:shortcuts.urgent', groupKey: 'parcels:shortcuts.group', handler: () => active && setUrgent((u) => !u) });
  useShortcut({ id: 'parcels.undo', keys: 'Alt+Z', descriptionKey: 'parcels:shortcuts.undo', groupKey: 'parcels:shortcuts.group', handler: () => active && void undoLast() });

  // The choice list takes the cursor once it is on screen, so the one key goes to it.
  useEffect(() => {
    if (choosing) choiceRef.current?.focus();
  }, [choosing]);

  const resetItem = () => {
    setTracking('');
    setDetection(undefined);
    setCarrier(undefined);
    setChoosing(false);
    setUrgent(false);
    setNotes('');
    setPieces('1');
    setPhoto(undefined);
  };

  const onTrackingEnter = async (raw: string) => {
    const started = performance.now();
    setError(undefined);
    setDuplicate(undefined);
    const number = raw.trim();
    if (!number) {
      setDetection(undefined);
      setCarrier(undefined);
      recipientRef.current?.focus();
      return;
    }
    const key = trackingKey(number);
    const [open, history] = await Promise.all([repos.parcels.openByTrackingKey(key), repos.parcels.carrierHistory(key)]);
    if (open[0]) {
      setDuplicate(open[0]);
      trackingRef.current?.select();
      return;
    }
    const found = detectCarrier(number, history);
    setDetection(found);
    recordMetric('parcelScanMs', performance.now() - started);
    if (found.ambiguous) {
      setCarrier(undefined);
      setChoosing(true);
      setActiveChoice(0);
    } else {
      setCarrier(defaultCarrier(found));
      recipientRef.current?.focus();
    }
  };

  // The camera dialog holds the focus while it is open: the number field takes it back once the dialog is gone.
  const focusAfterCamera = useRef(false);
  useEffect(() => {
    if (cameraOpen || !focusAfterCamera.current) return;
    focusAfterCamera.current = false;
    trackingRef.current?.focus();
  }, [cameraOpen, trackingRef]);

  // A code read by the camera: the field shows it and the same detection as Enter on a typed number runs
  // (which then moves the cursor on to the recipient, or to the carrier choice).
  const onCameraRead = (text: string) => {
    focusAfterCamera.current = true;
    setCameraOpen(false);
    setTracking(text);
    setChoosing(false);
    void onTrackingEnter(text);
  };

  const onCameraCancel = () => {
    focusAfterCamera.current = true;
    setCameraOpen(false);
  };

  const choose = (picked: CarrierId) => {
    setCarrier(picked);
    setChoosing(false);
    recipientRef.current?.focus();
  };

  const onChoiceKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const candidates = detection?.candidates ?? [];
    const digit = Number(event.key);
    if (Number.isInteger(digit) && digit >= 1 && digit <= candidates.length) {
      event.preventDefault();
      choose(candidates[digit - 1]!.carrier);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const picked = candidates[activeChoice];
      if (picked) choose(picked.carrier);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setActiveChoice((i) => (i + (event.key === 'ArrowDown' ? 1 : candidates.length - 1)) % Math.max(candidates.length, 1));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setChoosing(false);
      trackingRef.current?.focus();
    }
  };

  const save = async (pick: RecipientPick, acceptDuplicate = false) => {
    if (busy) return;
    if (choosing) {
      choiceRef.current?.focus();
      return;
    }
    if (tracking.trim() && !detection && !acceptDuplicate) {
      // Typed without Enter on the number: detect (and ask, when ambiguous) before saving.
      await onTrackingEnter(tracking);
      return;
    }
    const started = performance.now();
    setBusy(true);
    setError(undefined);
    try {
      const count = Number.parseInt(pieces, 10);
      const outcome = await repos.parcels.intake({
        trackingNumber: tracking.trim() || undefined,
        carrier: tracking.trim() ? (carrier ?? 'unknown') : undefined,
        recipientStaffId: pick.kind === 'staff' ? pick.person.id : undefined,
        recipientName: pick.kind === 'name' ? pick.name : undefined,
        type,
        urgent,
        shelf,
        pieces: Number.isFinite(count) && count > 0 ? Math.min(count, 999) : 1,
        notes,
        photo,
        acceptDuplicate,
      });
      if (outcome.kind === 'duplicate') {
        setDuplicate(outcome.existing);
        trackingRef.current?.focus();
        trackingRef.current?.select();
        return;
      }
      recordMetric('parcelSaveMs', performance.now() - started);
      const parcel = outcome.parcel;
      setSession((items) => [parcel, ...items]);
      setDuplicate(undefined);
      resetItem();
      trackingRef.current?.focus();
      if (parcel.urgent) {
        // Urgent: the recipient is told at once (desk notification, SIP MESSAGE where it works), recorded per channel.
        const person = pick.kind === 'staff' ? pick.person : undefined;
        const told = await notifyRecipient(db, t, person, [parcel]);
        notify('warning', t('intake.savedUrgent', { recipient: recipientLabel(t, parcel) }) + (told.failures.length ? ` — ${told.failures.join('; ')}` : ''));
      }
    } catch (e) {
      setError(t('intake.saveFailed', { message: describeError(e) }));
    } finally {
      setBusy(false);
    }
  };

  const undoLast = async () => {
    const last = session[0];
    if (!last) {
      notify('info', t('intake.nothingToUndo'));
      return;
    }
    try {
      await repos.parcels.undoIntake(last.id);
      setSession((items) => items.slice(1));
      notify('success', t('intake.undone', { item: itemName(t, last) }));
    } catch (e) {
      notify('error', describeError(e).includes('notUndoable') ? t('errors.notUndoable') : t('intake.saveFailed', { message: describeError(e) }));
    }
    trackingRef.current?.focus();
  };

  // Stable handlers for the memoised parts: each calls the newest closure of this render, so a keystroke
  // in the tracking field renders that field, not the recipient picker, the item's fields or the session list.
  const live = useRef({ save, undoLast });
  useLayoutEffect(() => {
    live.current = { save, undoLast };
  });
  const onRecipientEnter = useCallback((pick: RecipientPick) => void live.current.save(pick), []);
  const onUndoStable = useCallback(() => void live.current.undoLast(), []);

  const time = (at: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }).format(at);
  const candidates = detection?.candidates ?? [];

  return (
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(360px, 5fr) 4fr' }, gap: 3, alignItems: 'start' }}>
      <Paper variant="outlined" component="form" aria-labelledby="parcels-intake-heading" onSubmit={(e) => e.preventDefault()} sx={{ p: 2 }}>
        <Typography id="parcels-intake-heading" variant="h6" component="h2" sx={{ mb: 2 }}>{t('intake.heading')}</Typography>
        <Stack spacing={2}>
          <TextField
            id="parcels-tracking"
            inputRef={trackingRef}
            label={t('intake.tracking')}
            helperText={t('intake.trackingHelp')}
            value={tracking}
            onChange={(e) => {
              setTracking(e.target.value);
              setDetection(undefined);
              setChoosing(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void onTrackingEnter((e.target as HTMLInputElement).value);
              }
            }}
            size="small"
            autoComplete="off"
            fullWidth
            slotProps={{ htmlInput: { spellCheck: false, 'data-testid': 'parcels-tracking' } }}
          />
          <Box>
            <CameraButton label={t('camera.open')} setOpen={setCameraOpen} />
          </Box>
          {detection && !choosing && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }} role="status" data-testid="parcels-carrier">
              <Typography variant="body2">{carrier && carrier !== 'unknown' ? t('intake.carrier', { carrier: carrierName(t, carrier) }) : t('intake.carrierUnknown')}</Typography>
              {detection.checkDigitFailed && <Alert severity="warning" sx={{ py: 0 }}>{t('intake.checkDigitFailed')}</Alert>}
            </Stack>
          )}
          {choosing && (
            <Box>
              <Typography id="parcels-carrier-choice-label" variant="body2" sx={{ mb: 0.5 }}>{t('intake.chooseCarrier')}</Typography>
              <Paper variant="outlined">
                <List
                  ref={choiceRef}
                  role="listbox"
                  aria-labelledby="parcels-carrier-choice-label"
                  aria-activedescendant={`parcels-carrier-choice-${activeChoice}`}
                  tabIndex={0}
                  dense
                  disablePadding
                  onKeyDown={onChoiceKey}
                  data-testid="parcels-carrier-choice"
                >
                  {candidates.map((c, i) => (
                    <ListItemButton key={c.carrier} id={`parcels-carrier-choice-${i}`} role="option" aria-selected={i === activeChoice} selected={i === activeChoice} tabIndex={-1} onClick={() => choose(c.carrier)}>
                      <ListItemText primary={c.history > 0 ? t('intake.candidateHistory', { index: i + 1, carrier: carrierName(t, c.carrier), count: c.history }) : t('intake.candidate', { index: i + 1, carrier: carrierName(t, c.carrier) })} />
                    </ListItemButton>
                  ))}
                </List>
              </Paper>
            </Box>
          )}
          {duplicate && (
            <Alert
              severity="warning"
              role="alert"
              data-testid="parcels-duplicate"
              action={<Button color="inherit" size="small" onClick={() => void save({ kind: 'none' }, true)}>{t('intake.duplicateAccept')}</Button>}
            >
              {t('intake.duplicate', { type: t(`types.${duplicate.type}`), recipient: recipientLabel(t, duplicate), shelf: duplicate.shelf ?? '—', time: time(duplicate.receivedAt) })}
            </Alert>
          )}
          <RecipientPicker
            id="parcels-recipient"
            ref={recipientRef}
            label={t('intake.recipient')}
            helperText={t('intake.recipientHelp')}
            departments={departments}
            onEnter={onRecipientEnter}
          />
          <ItemFields type={type} setType={setType} shelf={shelf} setShelf={setShelf} pieces={pieces} setPieces={setPieces} urgent={urgent} setUrgent={setUrgent} notes={notes} setNotes={setNotes} photo={photo} setPhoto={setPhoto} setError={setError} />
          {error && <Alert severity="error" role="alert">{error}</Alert>}
        </Stack>
      </Paper>
      {cameraOpen && <CameraScanDialog onRead={onCameraRead} onCancel={onCameraCancel} />}
      <SessionPanel session={session} onUndo={onUndoStable} />
    </Box>
  );
}

interface ItemFieldsProps {
  type: ParcelType;
  setType: Dispatch<SetStateAction<ParcelType>>;
  shelf: string;
  setShelf: Dispatch<SetStateAction<string>>;
  pieces: string;
  setPieces: Dispatch<SetStateAction<string>>;
  urgent: boolean;
  setUrgent: Dispatch<SetStateAction<boolean>>;
  notes: string;
  setNotes: Dispatch<SetStateAction<string>>;
  photo: string | undefined;
  setPhoto: Dispatch<SetStateAction<string | undefined>>;
  setError: Dispatch<SetStateAction<string | undefined>>;
}

/** Type, shelf, pieces, urgent, notes and the label photo: memoised, they render only when one of them changes. */
const ItemFields = memo(function ItemFields({ type, setType, shelf, setShelf, pieces, setPieces, urgent, setUrgent, notes, setNotes, photo, setPhoto, setError }: ItemFieldsProps) {
  const { t } = useTranslation('parcels');
  return (
    <>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField select id="parcels-type" label={t('intake.type')} value={type} onChange={(e) => setType(e.target.value as ParcelType)} size="small" sx={{ minWidth: 160 }}>
          {PARCEL_TYPES.map((id) => <MenuItem key={id} value={id}>{t(`types.${id}`)}</MenuItem>)}
        </TextField>
        <TextField id="parcels-shelf" label={t('intake.shelf')} value={shelf} onChange={(e) => setShelf(e.target.value.slice(0, 32))} size="small" autoComplete="off" />
        <TextField id="parcels-pieces" label={t('intake.pieces')} value={pieces} onChange={(e) => setPieces(e.target.value.replace(/\D/g, '').slice(0, 3))} size="small" slotProps={{ htmlInput: { inputMode: 'numeric' } }} sx={{ width: 100 }} />
      </Stack>
      <FormControlLabel control={<Checkbox checked={urgent} onChange={(e) => setUrgent(e.target.checked)} color="error" />} label={t('intake.urgent')} />
      <TextField id="parcels-notes" label={t('intake.notes')} value={notes} onChange={(e) => setNotes(e.target.value.slice(0, 1000))} size="small" multiline minRows={1} />
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        {/* The label photo: the webcam where the system offers it (capture), else a picture file. */}
        <Button component="label" variant="outlined" size="small" startIcon={<PhotoCameraIcon />}>
          {t('intake.photo')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            hidden
            data-testid="parcels-photo-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              setError(undefined);
              labelPhotoFromFile(file).then(setPhoto, () => {
                setPhoto(undefined);
                setError(t('intake.photoFailed'));
              });
            }}
          />
        </Button>
        {photo && (
          <>
            <Box component="img" src={photo} alt={t('intake.photoAttached')} sx={{ height: 48, border: 1, borderColor: 'divider' }} />
            <Button size="small" onClick={() => setPhoto(undefined)}>{t('intake.photoRemove')}</Button>
          </>
        )}
      </Stack>
    </>
  );
});

const CameraButton = memo(function CameraButton({ label, setOpen }: { label: string; setOpen: (open: boolean) => void }) {
  return <Button variant="outlined" size="small" startIcon={<QrCodeScannerIcon />} onClick={() => setOpen(true)}>{label}</Button>;
});

/** The running count and the last items: renders when an item is recorded or undone, not on a keystroke. */
const SessionPanel = memo(function SessionPanel({ session, onUndo }: { session: readonly Parcel[]; onUndo: () => void }) {
  const { t } = useTranslation('parcels');
  return (
    <Paper variant="outlined" component="section" aria-labelledby="parcels-session-heading" sx={{ p: 2 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
        <Typography id="parcels-session-heading" variant="h6" component="h2" sx={{ flex: 1 }}>{t('intake.last')}</Typography>
        <Button startIcon={<UndoIcon />} onClick={onUndo} disabled={session.length === 0}>{t('intake.undo')}</Button>
      </Stack>
      <Typography role="status" data-testid="parcels-session-count">{t('intake.count', { count: session.length })}</Typography>
      <List dense aria-labelledby="parcels-session-heading" data-testid="parcels-session">
        {session.slice(0, LAST_SHOWN).map((p) => (
          <ListItem key={p.id} disableGutters>
            <ListItemText
              primary={<>{p.urgent ? <Chip size="small" color="error" label={t('waiting.urgent')} sx={{ mr: 1 }} /> : null}{itemName(t, p)}</>}
              secondary={`${recipientLabel(t, p)}${p.shelf ? ` · ${p.shelf}` : ''} · ${carrierName(t, p.carrier)}`}
            />
          </ListItem>
        ))}
      </List>
    </Paper>
  );
});
