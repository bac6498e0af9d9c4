// The staff read Chinese: Simplified Chinese is the default; Traditional Chinese and English ship too
// (docs/REQUIREMENTS.md, "Language").
export const SUPPORTED_LANGUAGES = ['zh-CN', 'zh-TW', 'en'] as const;
export type LanguageCode = (typeof SUPPORTED_LANGUAGES)[number];
export const DEFAULT_LANGUAGE: LanguageCode = 'zh-CN';

/** Each language's own name, shown in the language switch whatever the current language is. */
export const LANGUAGE_NATIVE_NAMES: Record<LanguageCode, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  en: 'English',
};

export function isSupportedLanguage(code: unknown): code is LanguageCode {
  return typeof code === 'string' && (SUPPORTED_LANGUAGES as readonly string[]).includes(code);
}

export type LanguageResolution =
  | { ok: true; language: LanguageCode }
  | { ok: false; fallback: LanguageCode; requested: string };

/**
 * Maps what a user, a stored preference or the OS offers to a language we ship. Common aliases are
 * accepted (zh, zh-Hans, zh-HK, en-US …); anything else is refused with the fallback to use, so the
 * caller can tell the person instead of silently switching.
 */
export function resolveLanguage(requested: unknown, fallback: LanguageCode = DEFAULT_LANGUAGE): LanguageResolution {
  if (typeof requested !== 'string' || requested.trim() === '') {
    return { ok: false, fallback, requested: String(requested ?? '') };
  }
  const code = requested.trim().replace('_', '-');
  if (isSupportedLanguage(code)) return { ok: true, language: code };
  const lower = code.toLowerCase();
  if (lower === 'zh' || lower === 'zh-hans' || lower.startsWith('zh-hans-') || lower === 'zh-sg' || lower === 'zh-cn') {
    return { ok: true, language: 'zh-CN' };
  }
  if (lower === 'zh-hant' || lower.startsWith('zh-hant-') || lower === 'zh-hk' || lower === 'zh-mo' || lower === 'zh-tw') {
    return { ok: true, language: 'zh-TW' };
  }
  if (lower === 'en' || lower.startsWith('en-')) return { ok: true, language: 'en' };
  return { ok: false, fallback, requested: code };
}
