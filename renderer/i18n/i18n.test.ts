import { describe, expect, it } from 'vitest';
import { changeLanguage, initI18n, readStoredLanguage, LANGUAGE_STORAGE_KEY } from './index';

describe('language preference', () => {
  it('defaults to zh-CN and refuses a stored unknown code', () => {
    expect(readStoredLanguage({ getItem: () => null })).toEqual({ language: 'zh-CN' });
    expect(readStoredLanguage({ getItem: () => 'en' })).toEqual({ language: 'en' });
    expect(readStoredLanguage({ getItem: () => 'xx' })).toEqual({ language: 'zh-CN', rejected: 'xx' });
    expect(readStoredLanguage({ getItem: () => { throw new Error('blocked'); } })).toEqual({ language: 'zh-CN' });
  });

  it('switches at runtime, persists, and keeps the current language on a bad code', async () => {
    const store = new Map<string, string>();
    const storage = { setItem: (k: string, v: string) => void store.set(k, v) };
    const i18n = await initI18n('zh-CN');
    expect(i18n.t('nav.visitors')).toBe('访客登记');
    expect(await changeLanguage(i18n, 'en', storage)).toEqual({ ok: true, language: 'en' });
    expect(i18n.t('nav.visitors')).toBe('Visitors');
    expect(store.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(await changeLanguage(i18n, 'tlh', storage)).toEqual({ ok: false, requested: 'tlh', kept: 'en' });
    expect(i18n.language).toBe('en');
    expect(store.get(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
