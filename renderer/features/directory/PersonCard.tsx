// A lookup in the directory opens the person's card, not an edit form: the operator looked someone up to
// reach them. The card shows where and how to reach the person, calls their extension (or mobile), and
// transfers the call being talked to straight to them. Editing is one button away.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Table, TableBody, TableCell, TableRow } from '@mui/material';
import CallOutlinedIcon from '@mui/icons-material/CallOutlined';
import PhoneForwardedOutlinedIcon from '@mui/icons-material/PhoneForwardedOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import type { Staff } from '@shared/domain/directory';
import { phoneInstalled, softphone, useLamp, usePhone } from '../../phone/phoneService';
import { ExtensionLamp } from './ExtensionLamp';
import { useNotify } from '../../ui/notifications/notificationStore';

export interface PersonCardProps {
  person: Staff;
  departmentName: string | undefined;
  onEdit: () => void;
  onClose: () => void;
}

const DETAILS = ['title', 'extension', 'mobile', 'email', 'location', 'notes'] as const;

export function PersonCard({ person, departmentName, onEdit, onClose }: PersonCardProps) {
  const { t } = useTranslation('directory');
  const rows: Array<[string, string]> = [[t('fields.department'), departmentName ?? t('noDepartment')]];
  for (const key of DETAILS) if (person[key]) rows.push([t(`fields.${key}`), String(person[key])]);
  return (
    <Dialog open onClose={onClose} aria-labelledby="person-card-title" maxWidth="sm" fullWidth>
      <DialogTitle id="person-card-title">{person.name}</DialogTitle>
      <DialogContent>
        <Table size="small" aria-label={t('card.details', { name: person.name })}>
          <TableBody>
            {rows.map(([label, value]) => (
              <TableRow key={label}>
                <TableCell component="th" scope="row" sx={{ width: '30%', color: 'text.secondary' }}>{label}</TableCell>
                <TableCell>
                  {value}
                  {label === t('fields.extension') && person.extension && <> <ExtensionLamp extension={person.extension} /></>}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {phoneInstalled() && <PhoneActions person={person} onDone={onClose} />}
        <Button startIcon={<EditOutlinedIcon />} onClick={onEdit}>{t('card.edit')}</Button>
        <Button onClick={onClose}>{t('common:actions.close')}</Button>
      </DialogActions>
    </Dialog>
  );
}

/** Call and transfer: the number is the extension, else the mobile. */
function PhoneActions({ person, onDone }: { person: Staff; onDone: () => void }) {
  const { t } = useTranslation('directory');
  const notify = useNotify();
  const phone = usePhone();
  const target = person.extension ?? person.mobile;
  const lamp = useLamp(person.extension);
  // A transfer to a busy extension is asked about first.
  const [warned, setWarned] = useState(false);
  if (!target) return null;
  const registered = phone.registration === 'registered';
  // The call being talked to: the one active line (a held caller is transferred from the switchboard).
  const talking = phone.lines.find((l) => l.state === 'active' && !l.consultFor);

  const call = () => {
    const result = softphone.dial(target);
    if (result.ok) {
      notify('info', t('card.calling', { name: person.name, number: target }));
      onDone();
    } else notify('error', t(`card.dialFailed.${result.reason}`, { number: target }));
  };

  const transfer = async () => {
    if (!talking) return;
    if (lamp?.state === 'busy' && !warned) {
      setWarned(true);
      return;
    }
    onDone();
    const result = await softphone.blindTransfer(talking.id, target);
    if (!result.ok) notify('error', t('card.transferFailed', { name: person.name, number: target }));
  };

  return (
    <>
      {talking && warned && (
        <Alert severity="warning" role="alert" sx={{ width: '100%' }}>{t('card.busyWarning', { name: person.name, number: target })}</Alert>
      )}
      {talking && (
        <Button startIcon={<PhoneForwardedOutlinedIcon />} variant="contained" color={warned ? 'warning' : 'primary'} onClick={() => void transfer()}>
          {warned ? t('card.transferAnyway', { number: target }) : t('card.transfer', { number: target, caller: talking.remoteName ?? talking.remoteUser })}
        </Button>
      )}
      <Button startIcon={<CallOutlinedIcon />} variant={talking ? 'outlined' : 'contained'} onClick={call} disabled={!registered} autoFocus={!talking}>
        {t('card.call', { number: target })}
      </Button>
    </>
  );
}
