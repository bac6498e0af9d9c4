// The equipment log (设备故障记录): open faults (candidates the console recorded itself first, to confirm or
// dismiss), recently repaired ones, and "Report a fault". Shown on the dashboard, where open faults belong.
import { useState } from 'react';
import { Button, Chip, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { EquipmentFault } from '@shared/domain/switchboard';
import { repositoriesOf, useDatabase } from '../../db';
import { describeError } from '../../ui/describeError';
import { notifications } from '../../ui/notifications/notificationStore';
import { lazyPart } from '../../ui/loading/lazyPart';

// The fault dialog loads when first opened (docs/ARCHITECTURE.md, "Loading").
const FaultDialog = lazyPart(() => import('./FaultDialog').then((m) => m.FaultDialog));

export function EquipmentLog() {
  const { t, i18n } = useTranslation('equipment');
  const db = useDatabase();
  const repo = repositoriesOf(db).equipmentFaults;
  const open = useLiveQuery(() => repo.openFaults(), [repo]);
  const fixed = useLiveQuery(() => repo.recentFixed(10), [repo]);
  const [editing, setEditing] = useState<EquipmentFault | 'new' | undefined>(undefined);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const dismiss = (f: EquipmentFault) =>
    void repo.dismissCandidate(f.id).then(
      () => notifications.notify('info', t('dismissed')),
      (error: unknown) => notifications.notify('error', t('errors.saveFailed', { message: describeError(error) })),
    );
  const rows = [...(open ?? []), ...(fixed ?? [])];
  return (
    <Paper variant="outlined" component="section" aria-labelledby="equipment-log-title" sx={{ p: 1.5 }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography id="equipment-log-title" variant="h6" component="h2">{t('title')}</Typography>
        <Typography color="text.secondary" role="status">{t('openCount', { count: open?.length ?? 0 })}</Typography>
        <Stack sx={{ flex: 1 }} />
        <Button variant="outlined" onClick={() => setEditing('new')}>{t('actions.report')}</Button>
      </Stack>
      {rows.length === 0 ? (
        <Typography variant="body2" color="text.secondary">{t('empty')}</Typography>
      ) : (
        <Table size="small" aria-labelledby="equipment-log-title">
          <TableHead>
            <TableRow>
              <TableCell>{t('fields.reportedAt')}</TableCell>
              <TableCell>{t('fields.equipment')}</TableCell>
              <TableCell>{t('fields.symptom')}</TableCell>
              <TableCell>{t('fields.reportedTo')}</TableCell>
              <TableCell>{t('fields.status')}</TableCell>
              <TableCell>{t('fields.repair')}</TableCell>
              <TableCell>{t('fields.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((f) => (
              <TableRow key={f.id} data-fault-id={f.id} data-status={f.status} data-candidate={f.candidate === 1}>
                <TableCell>{format.format(f.reportedAt)}</TableCell>
                <TableCell>{t(`kinds.${f.kind ?? 'other'}`)} · {f.equipment}{f.line ? ` · ${f.line}` : ''}</TableCell>
                <TableCell>
                  {f.symptom}
                  {f.candidate === 1 && <Chip size="small" color="warning" label={t('candidate.label')} sx={{ ml: 1 }} />}
                  {f.outageFrom !== undefined && <Typography variant="body2" color="text.secondary">{f.outageTo ? t('candidate.outage', { from: format.format(f.outageFrom), to: format.format(f.outageTo) }) : t('candidate.ongoing', { from: format.format(f.outageFrom) })}</Typography>}
                </TableCell>
                <TableCell>{f.reportedTo ?? ''}</TableCell>
                <TableCell>{t(`status.${f.status}`)}</TableCell>
                <TableCell>{f.repair ?? ''}{f.fixedAt ? ` (${format.format(f.fixedAt)})` : ''}</TableCell>
                <TableCell>
                  <Stack direction="row" spacing={1}>
                    <Button size="small" onClick={() => setEditing(f)} aria-label={f.candidate ? t('actions.confirmFor', { equipment: f.equipment }) : t('actions.editFor', { equipment: f.equipment })}>
                      {f.candidate ? t('actions.confirm') : t('actions.edit')}
                    </Button>
                    {f.candidate === 1 && <Button size="small" color="inherit" onClick={() => dismiss(f)} aria-label={t('actions.dismissFor', { equipment: f.equipment })}>{t('actions.dismiss')}</Button>}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing && <FaultDialog fault={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </Paper>
  );
}
