// Every feature's strings, by namespace, composed here at the top so the i18n core never imports a
// feature (docs/ARCHITECTURE.md, "Layers"). A feature adds one line here: in `featureLocales` (and in
// ./languages/zh-TW.ts and en.ts) when the first screen or the shell shows its strings, otherwise in
// `laterFeatureLocales`, whose strings load with the screen (or the phone) that shows them
// (docs/ARCHITECTURE.md, "Loading").
import { DEFAULT_LANGUAGE, SUPPORTED_LANGUAGES, type LanguageCode } from '@shared/i18n/languages';
import type { FeatureLocales } from '../i18n';
import { addFeatureLocales, loadCommonStrings } from '../i18n';
import badges from '../features/badges/strings/zh-CN';
import rollcall from '../features/rollcall/strings/zh-CN';
import complaints from '../features/complaints/strings/zh-CN';
import dashboard from '../features/dashboard/strings/zh-CN';
import signin from '../features/signin/strings/zh-CN';
import callnotes from '../features/callnotes/strings/zh-CN';
import messages from '../features/messages/strings/zh-CN';
import equipment from '../features/equipment/strings/zh-CN';

/**
 * Strings given to i18next at start: the first screen's (dashboard) and those of the shell's dialogs, in
 * the default language, which is also every language's fallback. The same namespaces in another language
 * come from that language's chunk (`loadLanguageStrings`), loaded before the first paint in that language
 * and before a switch to it completes (renderer/i18n `changeLanguage`).
 */
export const featureLocales = {
  badges: { 'zh-CN': badges },
  rollcall: { 'zh-CN': rollcall },
  complaints: { 'zh-CN': complaints },
  dashboard: { 'zh-CN': dashboard },
  signin: { 'zh-CN': signin },
  callnotes: { 'zh-CN': callnotes },
  messages: { 'zh-CN': messages },
  equipment: { 'zh-CN': equipment },
} as const satisfies FeatureLocales;

type StartNamespace = keyof typeof featureLocales;
/** The languages besides the default (zh-CN), whose start strings load on demand. */
type OtherLanguage = Exclude<LanguageCode, 'zh-CN'>;

// Each language module must name every start namespace (a namespace added above and not there fails to compile).
const otherLanguages: Record<OtherLanguage, () => Promise<Record<StartNamespace, object>>> = {
  'zh-TW': () => import('./languages/zh-TW').then((m) => m.default),
  en: () => import('./languages/en').then((m) => m.default),
};

/** The start namespaces' strings in `language` (nothing to load for the default language, given at start). */
export function loadLanguageStrings(language: LanguageCode): Promise<Record<string, object>> {
  return language === DEFAULT_LANGUAGE ? Promise.resolve({}) : otherLanguages[language as OtherLanguage]();
}

/** Strings loaded later, each namespace from its own chunk. */
export const laterFeatureLocales = {
  archive: () => import('../features/archive/locales').then((m) => m.archiveLocales),
  audit: () => import('../features/audit/locales').then((m) => m.auditLocales),
  directory: () => import('../features/directory/locales').then((m) => m.directoryLocales),
  parcels: () => import('../features/parcels/locales').then((m) => m.parcelsLocales),
  settings: () => import('../features/settings/locales').then((m) => m.settingsLocales),
  switchboard: () => import('../features/switchboard/locales').then((m) => m.switchboardLocales),
  sync: () => import('../features/settings/syncLocales').then((m) => m.syncLocales),
  visitors: () => import('../features/visitors/locales').then((m) => m.visitorsLocales),
} as const satisfies Record<string, () => Promise<FeatureLocales[string]>>;

export type LaterNamespace = keyof typeof laterFeatureLocales;

const loading = new Map<LaterNamespace, Promise<void>>();

/**
 * Loads these namespaces (once each) and adds them to the running i18next, in all three languages so a
 * language switch needs nothing more. A screen that shows them renders only after this resolves (App.tsx),
 * so its strings never flash as keys. A failed load is retried by the next call.
 */
export function loadFeatureStrings(namespaces: readonly LaterNamespace[]): Promise<void> {
  return Promise.all(namespaces.map((ns) => {
    let pending = loading.get(ns);
    if (!pending) {
      pending = laterFeatureLocales[ns]().then(
        (bundle) => addFeatureLocales({ [ns]: bundle }),
        (error: unknown) => {
          loading.delete(ns);
          throw error;
        },
      );
      loading.set(ns, pending);
    }
    return pending;
  })).then(() => undefined);
}

/** Every namespace the console ships, loaded (for tests and tools). */
export async function allFeatureLocales(): Promise<FeatureLocales> {
  const later = await Promise.all(Object.entries(laterFeatureLocales).map(async ([ns, load]) => [ns, await load()] as const));
  const start: FeatureLocales = Object.fromEntries(Object.entries(featureLocales).map(([ns, bundle]) => [ns, { ...bundle }]));
  for (const language of Object.keys(otherLanguages) as OtherLanguage[]) {
    for (const [ns, strings] of Object.entries(await loadLanguageStrings(language))) start[ns] = { ...start[ns], [language]: strings };
  }
  const common = Object.fromEntries(await Promise.all(SUPPORTED_LANGUAGES.map(async (language) => [language, await loadCommonStrings(language)] as const)));
  return { common, ...start, ...Object.fromEntries(later) };
}
