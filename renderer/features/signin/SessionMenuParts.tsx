// The session menu's list and the switch-person dialog, their own chunk (MUI's Menu, Popover and text
// fields): loaded when the person first opens the menu or switches (docs/ARCHITECTURE.md, "Loading").
import { Button, Dialog, DialogContent, DialogTitle, Menu, MenuItem, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { notifications } from '../../ui/notifications/notificationStore';
import { CredentialForm } from './CredentialFields';
import { useSessionService } from './useSession';

export function SessionMenuList({ anchor, onClose, onSwitch, onSignOut }: { anchor: HTMLElement; onClose: () => void; onSwitch: () => void; onSignOut: () => void }) {
  const { t } = useTranslation('signin');
  const session = useSessionService();
  return (
    <Menu id="session-menu" anchorEl={anchor} open onClose={onClose}>
      <MenuItem onClick={() => { onClose(); onSwitch(); }}>{t('session.switch')} (Ctrl+U)</MenuItem>
      <MenuItem onClick={() => { onClose(); void session.lock('shortcut'); }}>{t('session.lock')} (Ctrl+L)</MenuItem>
      <MenuItem onClick={() => { onClose(); onSignOut(); }}>{t('session.signOut')}</MenuItem>
    </Menu>
  );
}

export function SwitchPersonDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('signin');
  const session = useSessionService();
  return (
    <Dialog open onClose={onClose} aria-labelledby="switch-person-title" maxWidth="xs" fullWidth>
      <DialogTitle id="switch-person-title">{t('session.switchTitle')}</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 2, pt: 1 }}>
        <Typography variant="body2">{t('session.switchHint')}</Typography>
        <CredentialForm
          idPrefix="switch"
          submitLabel={t('session.switch')}
          onSubmit={async (id, secret) => {
            const outcome = await session.switchTo(id, secret);
            if (outcome.ok) {
              notifications.notify('success', t('session.switched', { name: outcome.principal.name }));
              onClose();
            }
            return outcome;
          }}
        />
        <Button onClick={onClose}>{t('session.cancel')}</Button>
      </DialogContent>
    </Dialog>
  );
}

