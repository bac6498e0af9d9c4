import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { CssBaseline } from '@mui/material';
import { LocalisedTheme } from './theme';
import { ShortcutProvider } from '../ui/shortcuts/ShortcutProvider';
import { AppShell } from './AppShell';
import { StatusBar } from './StatusBar';
import { EmptyScreen } from './EmptyScreen';
import { ScreenLoading, SilentLoading } from './ScreenLoading';
import type { ScreenId } from '../ui/navigation';
import { RollCallLauncher } from '../features/rollcall';
import { SessionGate, SessionMenu, useScreenAllowed } from '../features/signin';
import { BackupRunner, loadArchiveScreen } from '../features/archive';
import { wirePhone } from './phoneStart';
import { loadFeatureStrings, type LaterNamespace } from './localeRegistry';

// Each screen's code loads when the screen is first opened, so the console's first screen (the
// dashboard) does not wait for the switchboard's SIP stack, the visitor log's search keys or the
// directory's CSV parser. The phone overlay (pop-up, phone shortcuts) is on every screen but needs
// sip.js, so it loads right after the first screen instead of before it.
const lazyNamed = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K): LazyExoticComponent<ComponentType> =>
  lazy(async () => ({ default: (await load())[name] }));

/** Screens that use the phone render only once it is installed (it loads in parallel with their code). */
async function afterPhone<T>(load: () => Promise<T>): Promise<T> {
  const [loaded] = await Promise.all([load(), wirePhone()]);
  return loaded;
}

/** A screen renders once its strings are there too (no flash of untranslated keys): localeRegistry.ts. */
async function withStrings<T>(namespaces: readonly LaterNamespace[], load: () => Promise<T>): Promise<T> {
  const [loaded] = await Promise.all([load(), loadFeatureStrings(namespaces)]);
  return loaded;
}

// The switchboard's strings come with the phone (phoneStart.ts), so afterPhone brings them.
const SCREENS: Partial<Record<ScreenId, LazyExoticComponent<ComponentType>>> = {
  dashboard: lazyNamed(() => import('../features/dashboard'), 'DashboardScreen'),
  visitors: lazyNamed(() => withStrings(['visitors'], () => afterPhone(() => import('../features/visitors'))), 'VisitorsScreen'),
  switchboard: lazyNamed(() => afterPhone(() => import('../features/switchboard')), 'SwitchboardScreen'),
  messages: lazyNamed(() => afterPhone(() => import('../features/messages')), 'MessagesScreen'),
  directory: lazyNamed(() => withStrings(['directory'], () => import('../features/directory')), 'DirectoryScreen'),
  // Through the index's loader: the index also holds the small backup runner mounted below.
  archive: lazyNamed(() => withStrings(['archive'], loadArchiveScreen), 'ArchiveScreen'),
  parcels: lazyNamed(() => withStrings(['parcels'], () => afterPhone(() => import('../features/parcels'))), 'ParcelsScreen'),
  settings: lazyNamed(() => withStrings(['settings', 'sync'], () => afterPhone(() => import('../features/settings'))), 'SettingsScreen'),
  audit: lazyNamed(() => withStrings(['audit'], () => import('../features/audit')), 'AuditScreen'),
};

const loadArchiveStrings = () => loadFeatureStrings(['archive']);

const PhoneOverlay = lazyNamed(() => afterPhone(() => import('../features/switchboard')), 'PhoneOverlay');
// The lock screen's call controls (answer, hold, hang up: no number, no name) need the phone too.
const LockCallControls = lazyNamed(() => afterPhone(() => import('../features/signin/lockCalls')), 'LockCallControls');

function Screen({ screen }: { screen: ScreenId }) {
  const { t } = useTranslation();
  const allowed = useScreenAllowed();
  if (!allowed(screen)) return <EmptyScreen title={t(`nav.${screen}`)} description={t('signin:session.forbiddenScreen')} />;
  const Loaded = SCREENS[screen];
  if (!Loaded) return <EmptyScreen title={t(`nav.${screen}`)} description={t(`screens.${screen}.empty`)} />;
  return (
    <Suspense fallback={<ScreenLoading screen={screen} />}>
      <Loaded />
    </Suspense>
  );
}

function SignedInShell() {
  const allowed = useScreenAllowed();
  return (
    <>
      <AppShell renderScreen={(screen) => <Screen screen={screen} />} allowed={allowed} sessionMenu={<SessionMenu />} />
      <Suspense fallback={<SilentLoading />}>
        <PhoneOverlay />
      </Suspense>
      <RollCallLauncher />
      {/* The archive strings load only once main says backups exist here (not in the browser build). */}
      <BackupRunner loadStrings={loadArchiveStrings} />
    </>
  );
}

/**
 * The console behind the session gate (features/signin): first-run set-up or sign-in first; `onSignedIn`
 * runs once, when somebody is first signed in (the phone and the first-run directory start then, as that
 * person).
 */
export function App({ i18n, onSignedIn }: { i18n: I18n; onSignedIn?: () => void }) {
  return (
    <I18nextProvider i18n={i18n}>
      <LocalisedTheme>
        <CssBaseline />
        <ShortcutProvider>
          <SessionGate
            onSignedIn={onSignedIn}
            statusBar={<StatusBar />}
            lockCallControls={
              <Suspense fallback={<SilentLoading />}>
                <LockCallControls />
              </Suspense>
            }
          >
            <SignedInShell />
          </SessionGate>
        </ShortcutProvider>
      </LocalisedTheme>
    </I18nextProvider>
  );
}
