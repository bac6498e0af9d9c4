import { describe, expect, it } from 'vitest';
import { DEFAULT_LANGUAGE, resolveLanguage, isSupportedLanguage } from './languages';

describe('resolveLanguage', () => {
  it('defaults to Simplified Chinese', () => {
    expect(DEFAULT_LANGUAGE).toBe('zh-CN');
  });
  it('accepts the shipped codes and common aliases', () => {
    expect(resolveLanguage('zh-TW')).toEqual({ ok: true, language: 'zh-TW' });
    expect(resolveLanguage('zh_HK')).toEqual({ ok: true, language: 'zh-TW' });
    expect(resolveLanguage('zh-Hans-CN')).toEqual({ ok: true, language: 'zh-CN' });
    expect(resolveLanguage('en-GB')).toEqual({ ok: true, language: 'en' });
  });
  it('refuses unknown codes and names the fallback instead of guessing', () => {
    expect(resolveLanguage('xx-YY')).toEqual({ ok: false, fallback: 'zh-CN', requested: 'xx-YY' });
    expect(resolveLanguage('fr', 'en')).toEqual({ ok: false, fallback: 'en', requested: 'fr' });
    expect(resolveLanguage(undefined).ok).toBe(false);
    expect(resolveLanguage(42).ok).toBe(false);
    expect(isSupportedLanguage('de')).toBe(false);
  });
});
