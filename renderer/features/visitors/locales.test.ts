import { describe, expect, it } from 'vitest';
import { visitorsLocales } from './locales';

function keysOf(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) => (v && typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
}

function placeholdersOf(value: object): string[] {
  return keysOf(value).map((key) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], value) as string;
    return `${key}:${[...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',')}`;
  });
}

describe('visitors strings', () => {
  it('have the same keys and placeholders in every language', () => {
    const reference = visitorsLocales['zh-CN'];
    for (const lang of ['zh-TW', 'en'] as const) {
      expect(keysOf(visitorsLocales[lang])).toEqual(keysOf(reference));
      expect(placeholdersOf(visitorsLocales[lang])).toEqual(placeholdersOf(reference));
    }
  });
});
