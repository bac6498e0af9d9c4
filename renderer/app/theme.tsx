// The console's theme. Fonts list CJK faces first: staff read Chinese all day. Colours are chosen for
// WCAG AA contrast (4.5:1 for text) on white, including the info/warning/success shades MUI's defaults miss
// (its info and warning mains reach only 3.85:1 and 3.11:1 behind white text). The keyboard focus ring is
// a 3 px outline at ≥ 3:1 against every background the console uses (WCAG 2.4.7 / 1.4.11). Button labels
// keep their case: English in capitals reads as shouting and Chinese has no case at all. MUI's own strings
// (a dialog's "Close", a table's "Rows per page") follow the console's language.
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ThemeProvider, createTheme, type Theme } from '@mui/material/styles';
import { enUS, zhCN, zhTW, type Localization } from '@mui/material/locale';
import { resolveLanguage, type LanguageCode } from '@shared/i18n/languages';

const MUI_LOCALES: Record<LanguageCode, Localization> = { 'zh-CN': zhCN, 'zh-TW': zhTW, en: enUS };

/** The focus ring: dark blue (#0b3d91, 10.4:1 on white, 3.4:1 on the navigation's selected grey-blue). */
export const FOCUS_RING = '#0b3d91';

export function themeFor(language: LanguageCode): Theme {
  return createTheme(
    {
      palette: {
        primary: { main: '#1f5fa8' },
        secondary: { main: '#8a4b08' },
        info: { main: '#0b63a8' },
        warning: { main: '#8a5300', light: '#fff3d6' },
        success: { main: '#1b6e20' },
        error: { main: '#c62828' },
      },
      typography: {
        fontFamily: ['"Noto Sans CJK SC"', '"Microsoft YaHei"', '"PingFang SC"', '"Noto Sans"', 'Roboto', 'sans-serif'].join(','),
        button: { textTransform: 'none' },
      },
      components: {
        MuiButtonBase: {
          defaultProps: { disableRipple: false },
          styleOverrides: {
            root: { '&.Mui-focusVisible': { outline: `3px solid ${FOCUS_RING}`, outlineOffset: 2 } },
          },
        },
      },
    },
    MUI_LOCALES[language],
  );
}

/** Provides the theme of the current interface language; switching language re-localises MUI at once. */
export function LocalisedTheme({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const resolved = resolveLanguage(i18n.language);
  const language: LanguageCode = resolved.ok ? resolved.language : 'zh-CN';
  const theme = useMemo(() => themeFor(language), [language]);
  return <ThemeProvider theme={theme}>{children}</ThemeProvider>;
}
