import { MenuItem, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NATIVE_NAMES, SUPPORTED_LANGUAGES } from '@shared/i18n/languages';
import { currentLanguage, useLanguageSwitch } from './useLanguageSwitch';

export function LanguageSwitch({ id, label, size = 'small', helperText }: { id: string; label?: string; size?: 'small' | 'medium'; helperText?: string }) {
  const { t, i18n } = useTranslation();
  const switchLanguage = useLanguageSwitch();
  return (
    <TextField
      select
      id={id}
      size={size}
      label={label ?? t('language.label')}
      value={currentLanguage(i18n.language)}
      onChange={(e) => void switchLanguage(e.target.value)}
      helperText={helperText}
      sx={{ minWidth: 140 }}
    >
      {SUPPORTED_LANGUAGES.map((code) => (
        <MenuItem key={code} value={code} lang={code}>
          {LANGUAGE_NATIVE_NAMES[code]}
        </MenuItem>
      ))}
    </TextField>
  );
}
