// Every namespace the console ships (the shell's and each feature's, as composed for the app) has the
// same keys in all three languages, no empty string, and the same placeholders.
import { describe, expect, it } from 'vitest';
import { SUPPORTED_LANGUAGES } from '@shared/i18n/languages';
import { buildResources } from '../i18n';
import { featureLocales } from './localeRegistry';

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
    expect(Object.keys(buildResources(featureLocales)['zh-CN']).sort()).toEqual(['common', ...Object.keys(featureLocales)].sort());
  });

  const resources = buildResources(featureLocales);

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

