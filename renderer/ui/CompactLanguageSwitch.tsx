// The top bar's language switch: a native <select>, so the first screen does not load MUI's Select
// with its Menu, Popover and Modal machinery (docs/ARCHITECTURE.md, "Loading"). The platform's own list
// is keyboard-operable (Tab, arrows, Enter/Space, type-ahead) and screen readers announce it as a
// combo box named "Language". Settings keeps the labelled MUI field (LanguageSwitch.tsx).
import { styled } from '@mui/material/styles';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NATIVE_NAMES, SUPPORTED_LANGUAGES } from '@shared/i18n/languages';
import { currentLanguage, useLanguageSwitch } from './useLanguageSwitch';

const Select = styled('select')(({ theme }) => ({
  font: 'inherit',
  fontSize: theme.typography.body2.fontSize,
  minWidth: 140,
  minHeight: 36,
  padding: theme.spacing(0.5, 1),
  color: theme.palette.text.primary,
  backgroundColor: theme.palette.background.paper,
  border: `1px solid ${theme.palette.divider}`,
  borderRadius: theme.shape.borderRadius,
  cursor: 'pointer',
  '&:focus-visible': { outline: `2px solid ${theme.palette.secondary.main}`, outlineOffset: 2 },
}));

export function CompactLanguageSwitch({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const switchLanguage = useLanguageSwitch();
  return (
    <Select id={id} aria-label={t('language.label')} title={t('language.label')} value={currentLanguage(i18n.language)} onChange={(e) => void switchLanguage(e.target.value)}>
      {SUPPORTED_LANGUAGES.map((code) => (
        <option key={code} value={code} lang={code}>
          {LANGUAGE_NATIVE_NAMES[code]}
        </option>
      ))}
    </Select>
  );
}
