// Every namespace the console ships (the shell's and each feature's, as composed for the app) has the
// same keys in all three languages, no empty string, and the same placeholders.
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '@shared/i18n/languages';
import { buildResources } from '../i18n';
import { changeLanguage, initI18n } from '../i18n';
import { allFeatureLocales, featureLocales, laterFeatureLocales, loadFeatureStrings, loadLanguageStrings } from './localeRegistry';

// The strings given at start and those loaded with their screens, together.
const everyLocale = await allFeatureLocales();

function keysOf(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [prefix];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(value: unknown): unknown[] {
  if (value === null || typeof value !== 'object') return [value];
  return Object.values(value as Record<string, unknown>).flatMap(leaves);
}

describe('translations', () => {
  it('includes every feature namespace', () => {
    expect(Object.keys(buildResources(everyLocale)['zh-CN']).sort()).toEqual(['common', ...Object.keys(featureLocales), ...Object.keys(laterFeatureLocales)].sort());
  });

  it('adds a later namespace to the running i18next in every language, so a switch needs nothing more', async () => {
    const i18n = await initI18n('zh-CN', featureLocales);
    expect(i18n.exists('visitors:title')).toBe(false);
    await loadFeatureStrings(['visitors', 'directory']);
    for (const lng of SUPPORTED_LANGUAGES) {
      expect(i18n.getResourceBundle(lng, 'visitors'), lng).toEqual((everyLocale.visitors as Record<string, object>)[lng]);
      expect(i18n.getResourceBundle(lng, 'directory'), lng).toEqual((everyLocale.directory as Record<string, object>)[lng]);
    }
    expect(i18n.hasResourceBundle('en', 'switchboard')).toBe(false);
  });

  it('gives the start namespaces in the default language only, and another language with its chunk, before a switch completes', async () => {
    const storage = { setItem: () => undefined };
    const i18n = await initI18n('zh-CN', featureLocales, { loadLanguage: loadLanguageStrings });
    expect(i18n.hasResourceBundle('en', 'signin')).toBe(false);
    expect(i18n.hasResourceBundle('zh-TW', 'dashboard')).toBe(false);
    expect(await changeLanguage(i18n, 'en', storage)).toEqual({ ok: true, language: 'en' });
    for (const ns of Object.keys(featureLocales)) {
      expect(i18n.getResourceBundle('en', ns), ns).toEqual(everyLocale[ns]?.en);
    }
    expect(i18n.t('signin:signIn.submit')).toBe((everyLocale.signin as Record<string, { signIn: { submit: string } }>).en!.signIn.submit);
    expect(i18n.hasResourceBundle('zh-TW', 'dashboard')).toBe(false);
  });

  it('starts in a stored language other than the default with its strings already there (no key or Chinese flashes)', async () => {
    const i18n = await initI18n('zh-TW', featureLocales, { loadLanguage: loadLanguageStrings });
    for (const ns of Object.keys(featureLocales)) {
      expect(i18n.getResourceBundle('zh-TW', ns), ns).toEqual(everyLocale[ns]?.['zh-TW']);
    }
    expect(i18n.t('signin:signIn.submit')).toBe((everyLocale.signin as Record<string, { signIn: { submit: string } }>)['zh-TW']!.signIn.submit);
  });

  const resources = buildResources(everyLocale);

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

describe('Chinese punctuation', () => {
  const resources = buildResources(everyLocale);
  const cjk = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;

  /** ASCII quotes, and an ASCII colon next to Chinese text (not a time, a URL scheme or "sip:"), read as typos. */
  function asciiPunctuation(text: string): string[] {
    const found: string[] = [];
    if (text.includes('"')) found.push('ASCII double quote');
    for (const m of text.matchAll(/:/g)) {
      const before = text[m.index - 1] ?? '';
      const after = text[m.index + 1] ?? '';
      // "[:端口]" is address syntax, not prose.
      if (cjk.test(before) || (cjk.test(after) && !/[A-Za-z0-9[]/.test(before))) found.push('ASCII colon');
    }
    return found;
  }

  it('zh-CN and zh-TW strings use full-width colons and Chinese quotation marks', () => {
    const problems: string[] = [];
    for (const lang of ['zh-CN', 'zh-TW'] as const) {
      for (const [ns, bundle] of Object.entries(resources[lang])) {
        for (const [key, text] of flatten(bundle)) {
          for (const p of asciiPunctuation(text)) problems.push(`${lang}/${ns}:${key} ${p}: ${text}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('the rule catches what it should and lets times and addresses be', () => {
    expect(asciiPunctuation('没有找到"张三"。')).toEqual(['ASCII double quote']);
    expect(asciiPunctuation('电话:123')).toEqual(['ASCII colon']);
    expect(asciiPunctuation('时间格式不正确（如 14:30）')).toEqual([]);
    expect(asciiPunctuation('生产环境使用 wss://；ws:// 仅允许本机')).toEqual([]);
    expect(asciiPunctuation('请输入分机或 sip: 地址')).toEqual([]);
    expect(asciiPunctuation('必须以 stun:、turn: 开头')).toEqual([]);
    expect(asciiPunctuation('wss://主机名[:端口]')).toEqual([]);
  });
});

function flatten(value: unknown, prefix = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[prefix, value]];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

