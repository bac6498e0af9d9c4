// Reporting a fault, or updating one (status, reported to, repair and when it was repaired).
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { EquipmentFault, EquipmentKind, FaultStatus } from '@shared/domain/switchboard';
import { EQUIPMENT_KINDS, FAULT_STATUSES } from '@shared/domain/plain/switchboard';
import { repositoriesOf, useDatabase, ValidationError } from '../../db';
import { describeError } from '../../ui/describeError';
import { notifications } from '../../ui/notifications/notificationStore';

export function FaultDialog({ fault, onClose }: { fault?: EquipmentFault; onClose: () => void }) {
  const { t } = useTranslation('equipment');
  const db = useDatabase();
  const [kind, setKind] = useState<EquipmentKind>(fault?.kind ?? 'line');
  const [equipment, setEquipment] = useState(fault?.equipment ?? '');
  const [line, setLine] = useState(fault?.line ?? '');
  const [symptom, setSymptom] = useState(fault?.symptom ?? '');
  const [reportedTo, setReportedTo] = useState(fault?.reportedTo ?? '');
  const [status, setStatus] = useState<FaultStatus>(fault?.status ?? 'open');
  const [repair, setRepair] = useState(fault?.repair ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});

  const save = async () => {
    const input = { kind, equipment, line, symptom, reportedTo, status, repair };
    try {
      const repo = repositoriesOf(db).equipmentFaults;
      if (!fault) await repo.create(input);
      else if (fault.candidate) await repo.confirmCandidate(fault.id, input);
      else await repo.update(fault.id, input);
      notifications.notify('success', t('saved', { equipment: equipment.trim() }));
      onClose();
    } catch (error) {
      if (error instanceof ValidationError) setErrors(Object.fromEntries(Object.keys(error.fields).map((k) => [k, t(`errors.${k}`, { defaultValue: t('errors.invalid') })])));
      else notifications.notify('error', t('errors.saveFailed', { message: describeError(error) }));
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby="fault-dialog-title" fullWidth maxWidth="sm">
      <DialogTitle id="fault-dialog-title">{fault ? t('dialog.edit') : t('dialog.new')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }} component="form" id="fault-form" noValidate onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <TextField select id="fault-kind" label={t('fields.kind')} value={kind} onChange={(e) => setKind(e.target.value as EquipmentKind)}>
            {EQUIPMENT_KINDS.map((k) => <MenuItem key={k} value={k}>{t(`kinds.${k}`)}</MenuItem>)}
          </TextField>
          <TextField id="fault-equipment" label={t('fields.equipment')} value={equipment} onChange={(e) => setEquipment(e.target.value)} required error={Boolean(errors.equipment)} helperText={errors.equipment} autoFocus slotProps={{ htmlInput: { maxLength: 200 } }} />
          <TextField id="fault-line" label={t('fields.line')} value={line} onChange={(e) => setLine(e.target.value)} slotProps={{ htmlInput: { maxLength: 64 } }} />
          <TextField id="fault-symptom" label={t('fields.symptom')} value={symptom} onChange={(e) => setSymptom(e.target.value)} required multiline minRows={2} error={Boolean(errors.symptom)} helperText={errors.symptom} slotProps={{ htmlInput: { maxLength: 2000 } }} />
          <TextField id="fault-reported-to" label={t('fields.reportedTo')} value={reportedTo} onChange={(e) => setReportedTo(e.target.value)} slotProps={{ htmlInput: { maxLength: 200 } }} />
          <TextField select id="fault-status" label={t('fields.status')} value={status} onChange={(e) => setStatus(e.target.value as FaultStatus)}>
            {FAULT_STATUSES.map((s) => <MenuItem key={s} value={s}>{t(`status.${s}`)}</MenuItem>)}
          </TextField>
          <TextField id="fault-repair" label={t('fields.repair')} value={repair} onChange={(e) => setRepair(e.target.value)} multiline minRows={2} required={status === 'fixed'} error={Boolean(errors.repair)} helperText={errors.repair ?? t('fields.repairHelp')} slotProps={{ htmlInput: { maxLength: 2000 } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
        <Button type="submit" form="fault-form" variant="contained">{fault?.candidate ? t('actions.confirm') : t('common:actions.save')}</Button>
      </DialogActions>
    </Dialog>
  );
}
