// The visitor badge with its print preview. The preview is the print document itself (an iframe with no
// scripts), so what the desk sees is what is printed. A badge already printed warns before another copy,
// and the copy is counted and audited only once the printer (or the browser's dialog) took it.
import { describeError } from '../../ui/describeError';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import PrintOutlinedIcon from '@mui/icons-material/PrintOutlined';
import { useDatabase } from '../../db';
import { useNotify } from '../../ui/notifications/notificationStore';
import { getBridge, printDocument } from '../../platform';
import { BADGE_HEIGHT_MM, BADGE_PREVIEW_ZOOM, BADGE_WIDTH_MM, badgeHtml, badgeQrSvg, visitNumber } from './badgeDocument';
import { loadBadgeFacts, recordBadgePrint } from './badgePrints';

export interface BadgeDialogProps {
  visitId: string;
  open: boolean;
  onClose: () => void;
}

export function BadgeDialog({ visitId, open, onClose }: BadgeDialogProps) {
  const { t, i18n } = useTranslation('badges');
  const db = useDatabase();
  const notify = useNotify();
  const [qrSvg, setQrSvg] = useState<string>();
  const [confirmingReprint, setConfirmingReprint] = useState(false);
  const [busy, setBusy] = useState(false);

  // null: looked up and not there (undefined is still loading).
  const facts = useLiveQuery(async () => (open ? ((await loadBadgeFacts(db, visitId)) ?? null) : undefined), [db, visitId, open]);

  useEffect(() => {
    let current = true;
    setQrSvg(undefined);
    badgeQrSvg(visitId).then(
      (svg) => current && setQrSvg(svg),
      (error: unknown) => notify('error', t('printFailed', { message: describeError(error) })),
    );
    return () => {
      current = false;
    };
    // The QR code depends on the visit only.
  }, [visitId]);

  useEffect(() => {
    if (open) setConfirmingReprint(false);
  }, [open, visitId]);

  const name = facts?.visitor?.name ?? t('unknownVisitor');
  const printCount = facts?.visit.badgePrintCount ?? 0;
  const html = useMemo(() => {
    if (!facts || !qrSvg) return undefined;
    const { visit, visitor, host } = facts;
    const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }).format(visit.arrivedAt ?? visit.expectedAt ?? visit.createdAt);
    return badgeHtml(
      { visitId: visit.id, name: visitor?.name ?? t('unknownVisitor'), organisation: visitor?.company, hostName: host?.name, date, number: visit.badgeNumber ?? visitNumber(visit.id) },
      { heading: t('badge.heading'), host: t('badge.host'), date: t('badge.date'), number: t('badge.number'), scanHint: t('badge.scanHint') },
      qrSvg,
      i18n.language,
    );
  }, [facts, qrSvg, i18n.language, t]);

  const print = async () => {
    if (!html) return;
    if (printCount > 0 && !confirmingReprint) {
      setConfirmingReprint(true);
      return;
    }
    setBusy(true);
    try {
      const outcome = await printDocument(getBridge(), { html, title: t('dialogTitle', { name }), pageSize: 'ID1' });
      if (outcome.status === 'failed') {
        notify('error', t('printFailed', { message: outcome.error.message }));
        return;
      }
      if (outcome.status === 'cancelled') return;
      const count = await recordBadgePrint(db, visitId);
      notify('success', count > 1 ? t('reprinted', { count }) : t('printed'));
      onClose();
    } catch (error) {
      notify('error', t('printFailed', { message: describeError(error) }));
    } finally {
      setBusy(false);
      setConfirmingReprint(false);
    }
  };

  const titleId = 'badge-dialog-title';
  const mm = (value: number) => `${value * BADGE_PREVIEW_ZOOM + 2}mm`;
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby={titleId} maxWidth="md">
      <DialogTitle id={titleId}>{facts === undefined ? t('title') : t('dialogTitle', { name })}</DialogTitle>
      <DialogContent>
        {facts === null ? (
          <Alert severity="error">{t('notFound')}</Alert>
        ) : !html ? (
          <Typography role="status">{t('loading')}</Typography>
        ) : (
          <Stack spacing={2}>
            <Box sx={{ bgcolor: 'grey.100', p: 1, borderRadius: 1, alignSelf: 'flex-start' }}>
              <iframe
                title={t('preview')}
                srcDoc={html}
                // No scripts and an opaque origin: visitor-typed text in the badge can never act.
                sandbox=""
                style={{ display: 'block', border: 0, width: mm(BADGE_WIDTH_MM), height: mm(BADGE_HEIGHT_MM), background: '#fff' }}
              />
            </Box>
            <Typography variant="body2" color="text.secondary">{t('size')}</Typography>
            <Typography variant="body2" data-testid="badge-print-count">
              {printCount > 0 ? t('printedTimes', { count: printCount }) : t('notPrinted')}
            </Typography>
            {confirmingReprint && (
              <Alert severity="warning" role="alert">{t('reprintWarning', { count: printCount })}</Alert>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>{t('common:actions.close')}</Button>
        <Button
          variant="contained"
          color={confirmingReprint ? 'warning' : 'primary'}
          startIcon={<PrintOutlinedIcon />}
          onClick={() => void print()}
          disabled={busy || !html}
          autoFocus
        >
          {confirmingReprint ? t('printAgain') : t('print')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
