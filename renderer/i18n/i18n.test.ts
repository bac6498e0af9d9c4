import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '@shared/i18n/languages';
import { buildResources, changeLanguage, initI18n, readStoredLanguage, LANGUAGE_STORAGE_KEY } from './index';

function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): unknown[] {
  if (value === null || typeof value !== 'object') return [value];
  return Object.values(value as Record<string, unknown>).flatMap(leaves);
}

describe('translations', () => {
  const resources = buildResources();

  it('every namespace has the same keys in zh-CN, zh-TW and en', () => {
    for (const ns of Object.keys(resources['zh-CN'])) {
      const reference = keysOf(resources['zh-CN'][ns]).sort();
      for (const lang of SUPPORTED_LANGUAGES) {
        expect(keysOf(resources[lang][ns]).sort(), `${lang}/${ns}`).toEqual(reference);
      }
    }
  });

  it('no string is empty and placeholders match across languages', () => {
    for (const ns of Object.keys(resources['zh-CN'])) {
      const ref = keysOf(resources['zh-CN'][ns]);
      for (const lang of SUPPORTED_LANGUAGES) {
        for (const leaf of leaves(resources[lang][ns])) expect(typeof leaf === 'string' && leaf.trim().length > 0, `${lang}/${ns}`).toBe(true);
      }
      for (const key of ref) {
        const get = (lang: (typeof SUPPORTED_LANGUAGES)[number]) =>
          key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], resources[lang][ns]) as string;
        const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
        for (const lang of SUPPORTED_LANGUAGES) expect(placeholders(get(lang)), `${lang}/${ns}:${key}`).toEqual(placeholders(get('zh-CN')));
      }
    }
  });
});

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
