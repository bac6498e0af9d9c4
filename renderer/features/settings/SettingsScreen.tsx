import { useEffect, useState } from 'react';
import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { getBridge } from '../../platform';
import { PhoneSettingsForm } from './PhoneSettingsForm';
import { StaffAccountsPanel } from '../signin';
import { SwitchboardRecordsSettings } from './SwitchboardRecordsSettings';
import { SyncSettings } from './SyncSettings';

interface AboutInfo {
  appVersion: string;
  platform: 'electron' | 'browser';
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const [about, setAbout] = useState<AboutInfo | null>(null);
  useEffect(() => {
    let alive = true;
    void getBridge().app.info().then((result) => {
      if (alive && result.ok) setAbout({ appVersion: result.value.appVersion, platform: result.value.platform });
    });
    return () => {
      alive = false;
    };
  }, []);
  return (
    <Box component="section" aria-labelledby="screen-title" sx={{ p: 4, display: 'grid', gap: 3, maxWidth: 720 }}>
      <Typography id="screen-title" variant="h5" component="h1">{t('screens.settings.title')}</Typography>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="settings-language">
        <Typography id="settings-language" variant="h6" component="h2" gutterBottom>{t('settings.language')}</Typography>
        <LanguageSwitch id="settings-language-select" size="medium" label={t('settings.language')} helperText={t('settings.languageHelp')} />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="settings-phone">
        <Typography id="settings-phone" variant="h6" component="h2" gutterBottom>{t('settings.phone')}</Typography>
        <PhoneSettingsForm />
      </Paper>
      <SwitchboardRecordsSettings />
      <StaffAccountsPanel />
      <SyncSettings />
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="settings-about">
        <Typography id="settings-about" variant="h6" component="h2" gutterBottom>{t('settings.about')}</Typography>
        <Typography data-testid="about-version">
          {about
            ? t('settings.version', { version: about.appVersion, platform: t(about.platform === 'electron' ? 'settings.platformElectron' : 'settings.platformBrowser') })
            : '…'}
        </Typography>
      </Paper>
    </Box>
  );
}
