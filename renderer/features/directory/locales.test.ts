import { describe, expect, it } from 'vitest';
import { directoryLocales } from './locales';

function keysOf(value: object, prefix = ''): string[] {
  return Object.entries(value).flatMap(([k, v]) => (v && typeof v === 'object' ? keysOf(v as object, `${prefix}${k}.`) : [`${prefix}${k}`])).sort();
}

function placeholdersOf(value: object): string[] {
  return keysOf(value).map((key) => {
    const text = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], value) as string;
    return `${key}:${[...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',')}`;
  });
}

describe('directory strings', () => {
  it('have the same keys and placeholders in every language', () => {
    const reference = directoryLocales['zh-CN'];
    for (const lang of ['zh-TW', 'en'] as const) {
      expect(keysOf(directoryLocales[lang])).toEqual(keysOf(reference));
      expect(placeholdersOf(directoryLocales[lang])).toEqual(placeholdersOf(reference));
    }
  });
});
