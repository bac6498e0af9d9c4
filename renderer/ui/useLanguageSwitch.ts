import { useTranslation } from 'react-i18next';
import { LANGUAGE_NATIVE_NAMES, type LanguageCode } from '@shared/i18n/languages';
import { changeLanguage } from '../i18n';
import { notifications } from './notifications/notificationStore';

/** Switches the interface language and tells the desk what happened (also when a code is refused). */
export function useLanguageSwitch(): (code: string) => Promise<void> {
  const { i18n } = useTranslation();
  return async (code: string) => {
    const result = await changeLanguage(i18n, code);
    if (result.ok) {
      notifications.notify('info', i18n.t('common:language.switched', { name: LANGUAGE_NATIVE_NAMES[result.language] }));
    } else {
      notifications.notify('error', i18n.t('common:language.unsupported', { requested: result.requested, fallback: LANGUAGE_NATIVE_NAMES[result.kept] }));
    }
  };
}

export function currentLanguage(language: string): LanguageCode {
  return (Object.keys(LANGUAGE_NATIVE_NAMES) as LanguageCode[]).includes(language as LanguageCode) ? (language as LanguageCode) : 'zh-CN';
}
