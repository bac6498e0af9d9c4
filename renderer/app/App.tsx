import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { CssBaseline } from '@mui/material';
import { LocalisedTheme } from './theme';
import { ShortcutProvider } from '../ui/shortcuts/ShortcutProvider';
import { AppShell } from './AppShell';
import { EmptyScreen } from './EmptyScreen';
import type { ScreenId } from '../ui/navigation';
import { DirectoryScreen } from '../features/directory';
import { SettingsScreen } from '../features/settings';
import { PhoneOverlay, SwitchboardScreen } from '../features/switchboard';
import { VisitorsScreen } from '../features/visitors';
import { DashboardScreen } from '../features/dashboard';
import { RollCallLauncher } from '../features/rollcall';

function Screen({ screen }: { screen: ScreenId }) {
  const { t } = useTranslation();
  switch (screen) {
    case 'directory':
      return <DirectoryScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'switchboard':
      return <SwitchboardScreen />;
    case 'visitors':
      return <VisitorsScreen />;
    case 'dashboard':
      return <DashboardScreen />;
    default:
      return <EmptyScreen title={t(`nav.${screen}`)} description={t(`screens.${screen}.empty`)} />;
  }
}

export function App({ i18n }: { i18n: I18n }) {
  return (
    <I18nextProvider i18n={i18n}>
      <LocalisedTheme>
        <CssBaseline />
        <ShortcutProvider>
          <AppShell renderScreen={(screen) => <Screen screen={screen} />} />
          <PhoneOverlay />
          <RollCallLauncher />
        </ShortcutProvider>
      </LocalisedTheme>
    </I18nextProvider>
  );
}
