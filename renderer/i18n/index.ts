// i18next set-up. Namespaces: "common" for the shell and toolkit, one per feature (features/<name>/locales.ts),
// handed in by the shell so this core imports no feature.
// The chosen language is a per-desk preference kept in localStorage, so it is known synchronously
// before the first paint (no flash of the wrong language).
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGE_NATIVE_NAMES, SUPPORTED_LANGUAGES, resolveLanguage, type LanguageCode } from '@shared/i18n/languages';
import zhCN from './locales/zh-CN';

export const LANGUAGE_STORAGE_KEY = 'frontdesk.language';

// The shell's own strings ("common") come at start in the default language only, which is every language's
// fallback; zh-TW and en are one chunk each, loaded by `ensureLanguage` before the first paint in that
// language and before a switch to it completes (docs/ARCHITECTURE.md, "Loading").
const otherCommon: Record<Exclude<LanguageCode, 'zh-CN'>, () => Promise<object>> = {
  'zh-TW': () => import('./locales/zh-TW').then((m) => m.default),
  en: () => import('./locales/en').then((m) => m.default),
};

/** The shell's strings ("common") in `language`, loaded (for the i18n set-up, tests and tools). */
export function loadCommonStrings(language: LanguageCode): Promise<object> {
  return language === DEFAULT_LANGUAGE ? Promise.resolve(zhCN) : otherCommon[language as Exclude<LanguageCode, 'zh-CN'>]();
}

/**
 * Strings of the features, by namespace; the shell composes them (renderer/app/localeRegistry.ts). A
 * namespace may come in some languages only: the others are added later (`LanguageStrings`).
 */
export type FeatureLocales = Record<string, Partial<Record<LanguageCode, object>>>;

/** Loads the feature strings of one language that were not given at start (the shell's, by namespace). */
export type LanguageStrings = (language: LanguageCode) => Promise<Record<string, object>>;

export interface I18nOptions {
  loadLanguage?: LanguageStrings;
}

export function buildResources(featureLocales: FeatureLocales = {}): Record<LanguageCode, Record<string, object>> {
  const out = {} as Record<LanguageCode, Record<string, object>>;
  for (const lang of SUPPORTED_LANGUAGES) {
    out[lang] = lang === DEFAULT_LANGUAGE ? { common: zhCN } : {};
    for (const [ns, bundle] of Object.entries(featureLocales)) {
      const strings = bundle[lang];
      if (strings) out[lang][ns] = strings;
    }
  }
  return out;
}

export interface InitialLanguage {
  language: LanguageCode;
  /** Set when a stored preference named a language we do not ship. */
  rejected?: string;
}

export function readStoredLanguage(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): InitialLanguage {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(LANGUAGE_STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  if (stored === null) return { language: DEFAULT_LANGUAGE };
  const resolved = resolveLanguage(stored);
  return resolved.ok ? { language: resolved.language } : { language: resolved.fallback, rejected: resolved.requested };
}

let active: I18n | undefined;

/** Translation for code outside React (services that report into the notification area). */
export function translate(key: string, options?: Record<string, unknown>): string {
  return active ? active.t(key, options) : key;
}

const languageLoads = new WeakMap<I18n, { load: LanguageStrings | undefined; loaded: Map<LanguageCode, Promise<void>> }>();

/**
 * Adds the strings of `language` that were not given at start (the shell's loader, once per language) and
 * resolves when they are there. A failed load is retried by the next call.
 */
export function ensureLanguage(instance: I18n, language: LanguageCode): Promise<void> {
  // useTranslation() may hand a component another object than the one initI18n made (same store; seen in the
  // e2e language switch): its language loads are the original's.
  const state = languageLoads.get(instance) ?? (active ? languageLoads.get(active) : undefined);
  if (!state || language === DEFAULT_LANGUAGE) return Promise.resolve();
  let pending = state.loaded.get(language);
  if (!pending) {
    const features = state.load ?? (() => Promise.resolve({}));
    pending = Promise.all([loadCommonStrings(language), features(language)]).then(([common, bundles]) => ({ common, ...bundles })).then(
      (bundles) => {
        for (const [ns, strings] of Object.entries(bundles)) instance.addResourceBundle(language, ns, strings, true, true);
      },
      (error: unknown) => {
        state.loaded.delete(language);
        throw error;
      },
    );
    state.loaded.set(language, pending);
  }
  return pending;
}

/**
 * i18next with the shell's strings and the given feature strings; `loadLanguage` supplies a language's
 * feature strings not given here, loaded before this resolves (so the first paint has them) and before a
 * switch to another language completes (`changeLanguage`).
 */
export async function initI18n(language: LanguageCode, featureLocales: FeatureLocales = {}, options: I18nOptions = {}): Promise<I18n> {
  const instance = i18next.createInstance();
  active = instance;
  languageLoads.set(instance, { load: options.loadLanguage, loaded: new Map() });
  await instance.use(initReactI18next).init({
    resources: buildResources(featureLocales),
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...SUPPORTED_LANGUAGES],
    defaultNS: 'common',
    ns: ['common', ...Object.keys(featureLocales)],
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await ensureLanguage(instance, language);
  setDocumentLanguage(language);
  return instance;
}

/**
 * Adds feature namespaces to the running i18next (default: the one initI18n made) after start, in every
 * language: strings that load with their screen (renderer/app/localeRegistry.ts).
 */
export function addFeatureLocales(featureLocales: FeatureLocales, instance: I18n | undefined = active): void {
  if (!instance) throw new Error('addFeatureLocales before initI18n');
  for (const [ns, bundle] of Object.entries(featureLocales)) {
    for (const lang of SUPPORTED_LANGUAGES) instance.addResourceBundle(lang, ns, bundle[lang], true, true);
  }
}

export function setDocumentLanguage(language: LanguageCode): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

export type LanguageChange = { ok: true; language: LanguageCode } | { ok: false; requested: string; kept: LanguageCode };

/** Switches the interface language at runtime; an unknown code is refused and the current language kept. */
export async function changeLanguage(instance: I18n, requested: string, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): Promise<LanguageChange> {
  const current = resolveLanguage(instance.language);
  const kept = current.ok ? current.language : DEFAULT_LANGUAGE;
  const resolved = resolveLanguage(requested, kept);
  if (!resolved.ok) return { ok: false, requested: resolved.requested, kept };
  await ensureLanguage(instance, resolved.language);
  await instance.changeLanguage(resolved.language);
  setDocumentLanguage(resolved.language);
  try {
    storage?.setItem(LANGUAGE_STORAGE_KEY, resolved.language);
  } catch {
    // A full or blocked localStorage only loses the preference, never data.
  }
  return { ok: true, language: resolved.language };
}

export { LANGUAGE_NATIVE_NAMES, SUPPORTED_LANGUAGES };
