import { describe, expect, it } from 'vitest';
import { cleanName, cleanText, hasInvisibleCharacters, stripInvisible } from './cleanText';

describe('cleanName', () => {
  it('removes format, control and variation-selector characters from a name', () => {
    const dirty = '\u202E张\u200B\u200D\u2060\u00AD\u200F\uFE0F\u0000\u001B\u{E0100}伟\u2066';
    expect(cleanName(dirty)).toBe('张伟');
    expect(hasInvisibleCharacters(dirty)).toBe(true);
    expect(hasInvisibleCharacters('张伟')).toBe(false);
    expect(hasInvisibleCharacters(cleanName(dirty))).toBe(false);
  });

  it('turns tabs and line breaks into single spaces, trims, and composes (NFC)', () => {
    expect(cleanName('  Zhang\t\n Wei \r\n')).toBe('Zhang Wei');
    expect(cleanName('Jose\u0301')).toBe('José');
    expect(cleanName(undefined)).toBe('');
  });

  it('keeps visible text as it is (no case folding, no width folding)', () => {
    expect(cleanName('ＺＨＡＮＧ Wei·阿依古丽')).toBe('ＺＨＡＮＧ Wei·阿依古丽');
  });
});

describe('cleanText', () => {
  it('drops bidi overrides and isolates and NUL/ESC-like controls, keeps lines and tabs', () => {
    expect(cleanText('LIVE\u202E EVIL\u202C')).toBe('LIVE EVIL');
    expect(cleanText('a\u2066b\u2067c\u2068d\u2069e\u202Af\u202Bg\u202Dh')).toBe('abcdefgh');
    expect(cleanText('line 1\nline 2\r\n\tend\u0000\u001B[31m\u0007')).toBe('line 1\nline 2\r\n\tend[31m');
    expect(cleanText('\u009Bx\u007F')).toBe('x');
  });

  it('keeps joiners and variation selectors free text may need (emoji)', () => {
    expect(cleanText('👩\u200D💻 ❤\uFE0F')).toBe('👩\u200D💻 ❤\uFE0F');
  });
});

describe('stripInvisible', () => {
  it('removes without trimming, so callers keep control over spacing', () => {
    expect(stripInvisible(' a\u200Bb ')).toBe(' ab ');
  });
});
