import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import { AppBar, Box, Drawer, IconButton, List, ListItem, ListItemButton, ListItemIcon, ListItemText, Toolbar, Typography } from '@mui/material';
import PeopleIcon from '@mui/icons-material/People';
import MarkunreadMailboxIcon from '@mui/icons-material/MarkunreadMailbox';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import ChatIcon from '@mui/icons-material/Chat';
import ArchiveIcon from '@mui/icons-material/Archive';
import ContactPhoneIcon from '@mui/icons-material/ContactPhone';
import DashboardIcon from '@mui/icons-material/Dashboard';
import SettingsIcon from '@mui/icons-material/Settings';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import KeyboardIcon from '@mui/icons-material/Keyboard';
import { useTranslation } from 'react-i18next';
import { SCREENS, navigate, useCurrentScreen, type ScreenId } from '../ui/navigation';
import { useShortcut } from '../ui/shortcuts/ShortcutProvider';
import { StatusBar } from './StatusBar';
import { NotificationArea } from './NotificationArea';
import { CompactLanguageSwitch } from '../ui/CompactLanguageSwitch';
import { ErrorBoundary } from './ErrorBoundary';
import { useFocusTargetRef } from '../ui/focus/useFocusTarget';

const ICONS: Record<ScreenId, ReactNode> = {
  visitors: <PeopleIcon />,
  parcels: <MarkunreadMailboxIcon />,
  switchboard: <PhoneInTalkIcon />,
  messages: <ChatIcon />,
  archive: <ArchiveIcon />,
  directory: <ContactPhoneIcon />,
  dashboard: <DashboardIcon />,
  settings: <SettingsIcon />,
  audit: <FactCheckIcon />,
};

const DRAWER_WIDTH = 200;

// The shortcut help (a dialog with tables) loads when it is first asked for, not with the first screen
// (docs/ARCHITECTURE.md, "Loading"); it stays mounted afterwards so it closes with its transition.
const ShortcutHelpDialog = lazy(() => import('./ShortcutHelpDialog').then((m) => ({ default: m.ShortcutHelpDialog })));

function NavShortcut({ screen, index }: { screen: ScreenId; index: number }) {
  useShortcut({
    id: `nav.${screen}`,
    keys: `Alt+${index + 1}`,
    descriptionKey: 'common:shortcuts.navTo',
    groupKey: 'common:shortcuts.groups.navigation',
    // Move focus into the screen so keyboard users continue where they are looking.
    focusTarget: 'shell.main',
    handler: () => navigate(screen),
  });
  return null;
}

export interface AppShellProps {
  renderScreen: (screen: ScreenId) => ReactNode;
  /** Screens the signed-in person's roles may use (shared/auth/permissions.ts); the others are not listed. */
  allowed?: (screen: ScreenId) => boolean;
  /** The signed-in person's menu (features/signin), in the top bar. */
  sessionMenu?: ReactNode;
}

export function AppShell({ renderScreen, allowed = () => true, sessionMenu }: AppShellProps) {
  const { t } = useTranslation();
  const screen = useCurrentScreen();
  const [helpOpen, setHelpOpenState] = useState(false);
  const [helpWanted, setHelpWanted] = useState(false);
  const setHelpOpen = (open: boolean) => {
    if (open) setHelpWanted(true);
    setHelpOpenState(open);
  };
  const mainRef = useRef<HTMLElement>(null);
  useFocusTargetRef('shell.main', mainRef);
  useShortcut({ id: 'help', keys: 'F1', descriptionKey: 'common:shortcuts.showHelp', groupKey: 'common:shortcuts.groups.general', handler: () => setHelpOpen(true) });
  useShortcut({ id: 'help.question', keys: '?', descriptionKey: 'common:shortcuts.showHelp', groupKey: 'common:shortcuts.groups.general', handler: () => setHelpOpen(true) });

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <a href="#main-content" className="skip-link" onClick={(e) => { e.preventDefault(); document.getElementById('main-content')?.focus(); }}>
        {t('app.skipToContent')}
      </a>
      {SCREENS.map((s, i) => (allowed(s) ? <NavShortcut key={s} screen={s} index={i} /> : null))}
      <AppBar position="static" elevation={1} sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            {t('app.title')}
          </Typography>
          <CompactLanguageSwitch id="topbar-language" />
          {/* A native title (as on the navigation links) rather than MUI's Tooltip, which brings Popper.js to the first screen. */}
          <IconButton color="inherit" aria-label={t('shortcuts.openHelp')} title={`${t('shortcuts.openHelp')} (F1)`} onClick={() => setHelpOpen(true)}>
            <KeyboardIcon />
          </IconButton>
          <NotificationArea />
          {sessionMenu}
        </Toolbar>
      </AppBar>
      <Box sx={{ display: 'flex', flex: 1, minHeight: 0 }}>
        <Drawer variant="permanent" sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, position: 'relative' } }}>
          <Box component="nav" aria-label={t('nav.label')}>
            <List>
              {SCREENS.map((s, i) => allowed(s) && (
                <ListItem key={s} disablePadding>
                <ListItemButton
                  component="a"
                  href={`#/${s}`}
                  selected={s === screen}
                  aria-current={s === screen ? 'page' : undefined}
                  title={`${t(`nav.${s}`)} (Alt+${i + 1})`}
                >
                  <ListItemIcon aria-hidden>{ICONS[s]}</ListItemIcon>
                  <ListItemText primary={t(`nav.${s}`)} />
                </ListItemButton>
                </ListItem>
              ))}
            </List>
          </Box>
        </Drawer>
        <Box component="main" ref={mainRef} id="main-content" tabIndex={-1} sx={{ flex: 1, overflow: 'auto', outline: 'none' }} data-screen={screen}>
          <ErrorBoundary resetKey={screen}>{renderScreen(screen)}</ErrorBoundary>
        </Box>
      </Box>
      <StatusBar />
      {helpWanted && (
        <Suspense fallback={null}>
          <ShortcutHelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
    </Box>
  );
}
