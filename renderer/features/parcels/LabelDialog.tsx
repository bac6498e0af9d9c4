// The shelf label with its print preview (the print document itself in a script-less iframe, as the badge
// dialog does), a size choice, and print through the bridge (features/badges' way). Printing is audited.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import PrintOutlinedIcon from '@mui/icons-material/PrintOutlined';
import { repositoriesOf, useDatabase } from '../../db';
import { getBridge, printDocument } from '../../platform';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/notifications/notificationStore';
import { LABEL_SIZES, labelHtml, labelQrSvg, type LabelSize } from './labelDocument';
import { itemName, recipientLabel } from './parcelFormat';

const PREVIEW_PX_PER_MM = 3.9;
const SIZE_MM: Readonly<Record<LabelSize, [number, number]>> = { '62mm': [64, 102], '4x6': [104, 155], A4: [212, 300] };
const SIZE_KEY = 'parcels.labelSize';

export function LabelDialog({ parcelId, onClose }: { parcelId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation('parcels');
  const db = useDatabase();
  const notify = useNotify();
  const [size, setSize] = useState<LabelSize>(() => (LABEL_SIZES as readonly string[]).includes(localStorage.getItem(SIZE_KEY) ?? '') ? (localStorage.getItem(SIZE_KEY) as LabelSize) : '62mm');
  const [qrSvg, setQrSvg] = useState<string>();
  const [busy, setBusy] = useState(false);
  const facts = useLiveQuery(async () => {
    const repos = repositoriesOf(db);
    const parcel = await repos.parcels.get(parcelId);
    if (!parcel) return null;
    const person = parcel.recipientStaffId ? await repos.staff.get(parcel.recipientStaffId) : undefined;
    const department = person?.departmentId ? await repos.departments.get(person.departmentId) : undefined;
    return { parcel, department: department?.name };
  }, [db, parcelId]);

  useEffect(() => {
    let current = true;
    labelQrSvg(parcelId).then((svg) => current && setQrSvg(svg), (e: unknown) => notify('error', t('label.printFailed', { message: describeError(e) })));
    return () => {
      current = false;
    };
  }, [parcelId]);

  const html = useMemo(() => {
    if (!facts || !qrSvg) return undefined;
    const { parcel, department } = facts;
    return labelHtml(size, [{
      content: {
        parcelId: parcel.id, recipient: recipientLabel(t, parcel), department, shelf: parcel.shelf, urgent: parcel.urgent === 1, item: itemName(t, parcel),
        date: new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(parcel.receivedAt),
      },
      qrSvg,
    }], { recipient: t('label.recipient'), department: t('label.department'), date: t('label.date'), shelf: t('label.shelf'), scanHint: t('label.scanHint'), urgent: t('waiting.urgent') }, i18n.language);
  }, [facts, qrSvg, size, i18n.language, t]);

  const print = async () => {
    if (!html || !facts) return;
    setBusy(true);
    try {
      const outcome = await printDocument(getBridge(), { html, title: t('label.title', { item: itemName(t, facts.parcel) }), ...(size === 'A4' ? { pageSize: 'A4' as const } : {}) });
      if (outcome.status === 'failed') {
        notify('error', t('label.printFailed', { message: outcome.error.message }));
        return;
      }
      if (outcome.status === 'cancelled') return;
      await repositoriesOf(db).parcels.recordLabelPrint(facts.parcel.id, size);
      notify('success', t('label.printed'));
      onClose();
    } catch (e) {
      notify('error', t('label.printFailed', { message: describeError(e) }));
    } finally {
      setBusy(false);
    }
  };

  const [w, h] = SIZE_MM[size];
  const titleId = 'parcels-label-title';
  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="lg">
      <DialogTitle id={titleId}>{facts ? t('label.title', { item: itemName(t, facts.parcel) }) : t('label.loading')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField select id="parcels-label-size" label={t('label.size')} value={size} size="small" sx={{ maxWidth: 260 }}
            onChange={(e) => {
              setSize(e.target.value as LabelSize);
              localStorage.setItem(SIZE_KEY, e.target.value);
            }}>
            {LABEL_SIZES.map((id) => <MenuItem key={id} value={id}>{t(`label.sizes.${id}`)}</MenuItem>)}
          </TextField>
          {!html ? (
            <Typography role="status">{t('label.loading')}</Typography>
          ) : (
            <Box sx={{ bgcolor: 'grey.100', p: 1, borderRadius: 1, alignSelf: 'flex-start', maxWidth: '100%', overflow: 'auto' }}>
              <iframe title={t('label.preview')} srcDoc={html} sandbox="" style={{ display: 'block', border: 0, width: `${w * PREVIEW_PX_PER_MM}px`, height: `${Math.min(h, 160) * PREVIEW_PX_PER_MM}px`, background: '#fff' }} />
            </Box>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>{t('common:actions.close')}</Button>
        <Button variant="contained" startIcon={<PrintOutlinedIcon />} onClick={() => void print()} disabled={busy || !html} autoFocus>{t('label.print')}</Button>
      </DialogActions>
    </Dialog>
  );
}
