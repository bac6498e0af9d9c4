// The signed-in person in the top bar (switch person, lock, hand over and sign out), the shortcuts Ctrl+L
// (lock) and Ctrl+U (switch person), and their dialogs.
import { useState } from 'react';
import { Button } from '@mui/material';
import AccountCircleIcon from '@mui/icons-material/AccountCircle';
import { useTranslation } from 'react-i18next';
import { createStore } from '@shared/store/createStore';
import { useShortcut } from '../../ui/shortcuts/ShortcutProvider';
import { useStore } from '../../ui/useStore';
import { lazyPart } from '../../ui/loading/lazyPart';
import { useSession, useSessionService } from './useSession';

// The sign-out dialog (handover pre-fill) loads when first opened, not with the first screen.
const SignOutDialog = lazyPart(() => import('./HandoverDialogs').then((m) => m.SignOutDialog));
// So do the menu's list and the switch-person dialog (SessionMenuParts.tsx).
const SessionMenuList = lazyPart(() => import('./SessionMenuParts').then((m) => m.SessionMenuList));
const SwitchPersonDialog = lazyPart(() => import('./SessionMenuParts').then((m) => m.SwitchPersonDialog));

type SessionDialog = 'switch' | 'signOut' | null;
const sessionUi = createStore<{ dialog: SessionDialog }>({ dialog: null });
const open = (dialog: SessionDialog) => sessionUi.set({ dialog });

export function SessionMenu() {
  const { t } = useTranslation('signin');
  const { principal } = useSession();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!principal) return null;
  const roles = principal.roles.map((r) => t(`roles.${r}`)).join('、');
  return (
    <>
      <Button color="inherit" startIcon={<AccountCircleIcon aria-hidden />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu" aria-controls={anchor ? 'session-menu' : undefined} data-testid="session-person" title={roles}>
        {t('session.menu', { name: principal.name })}
      </Button>
      {anchor && <SessionMenuList anchor={anchor} onClose={() => setAnchor(null)} onSwitch={() => open('switch')} onSignOut={() => open('signOut')} />}
    </>
  );
}

/** Registered while somebody is signed in and the desk is not locked (the lock screen has its own keys). */
export function SessionShortcuts() {
  const session = useSessionService();
  const { locked } = useSession();
  const { dialog } = useStore(sessionUi);
  useShortcut({ id: 'session.lock', keys: 'Ctrl+L', descriptionKey: 'signin:shortcuts.lock', groupKey: 'common:shortcuts.groups.general', allowInInputs: true, enabled: !locked, handler: () => void session.lock('shortcut') });
  useShortcut({ id: 'session.switch', keys: 'Ctrl+U', descriptionKey: 'signin:shortcuts.switch', groupKey: 'common:shortcuts.groups.general', allowInInputs: true, enabled: !locked, handler: () => open('switch') });
  if (locked) return null;
  if (dialog === 'switch') return <SwitchPersonDialog onClose={() => open(null)} />;
  if (dialog === 'signOut') return <SignOutDialog onClose={() => open(null)} />;
  return null;
}
