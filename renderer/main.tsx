// Renderer entry: language first (so the first paint is in the desk's language), then persistence,
// the shell behind sign-in, then (once somebody is signed in) the phone and the first-run sample directory.
import { messageOf } from '@shared/errors/messageOf';
import { createRoot } from 'react-dom/client';
import { LANGUAGE_NATIVE_NAMES, resolveLanguage } from '@shared/i18n/languages';
import { App } from './app/App';
import { wirePhone } from './app/phoneStart';
import { featureLocales, loadLanguageStrings } from './app/localeRegistry';
import { initI18n, readStoredLanguage, changeLanguage } from './i18n';
import { notifications } from './ui/notifications/notificationStore';
import { startStoragePersistence } from './ui/status/storageStatus';
import './app/global.css';

async function start(): Promise<void> {
  const initial = readStoredLanguage();
  const i18n = await initI18n(initial.language, featureLocales, { loadLanguage: loadLanguageStrings });
  if (initial.rejected) {
    notifications.notify('warning', i18n.t('language.unsupported', { requested: initial.rejected, fallback: LANGUAGE_NATIVE_NAMES[initial.language] }));
  }
  // ?lang=<code> picks the language for this desk (used by kiosks and the web preview).
  const requested = new URLSearchParams(window.location.search).get('lang');
  if (requested !== null) {
    const result = await changeLanguage(i18n, requested);
    if (!result.ok) {
      const fallback = resolveLanguage(i18n.language);
      notifications.notify('error', i18n.t('language.unsupported', { requested: result.requested, fallback: LANGUAGE_NATIVE_NAMES[fallback.ok ? fallback.language : 'zh-CN'] }));
    }
  }
  void startStoragePersistence();
  // Replication with the other desks, when configured (renderer/app/syncStart.ts); its state shows in the status bar.
  void import('./app/syncStart').then(({ startSyncIfConfigured }) => startSyncIfConfigured()).catch((error: unknown) => {
    console.error('Sync did not start', error);
  });
  // The phone (sip.js) and the first-run sample directory (pinyin search keys, CSV) load as their own
  // chunks, in parallel with the first screen rather than ahead of it — and only once somebody is signed
  // in (features/signin): every write, a call record included, is made by a signed-in person.
  let started = false;
  const onSignedIn = () => {
    if (started) return;
    started = true;
    wirePhone()
      .then(({ connected }) => connected)
      .catch((error: unknown) => {
        notifications.notify('error', i18n.t('errors.unexpected', { message: messageOf(error) }));
      });
    import('./features/directory')
      .then(({ ensureSampleDirectory }) => ensureSampleDirectory())
      .catch((error: unknown) => {
        notifications.notify('error', i18n.t('errors.storageFailed', { message: messageOf(error) }));
      });
  };
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(<App i18n={i18n} onSignedIn={onSignedIn} />);
}

void start();
