// Every feature's strings, by namespace, composed here at the top so the i18n core never imports a
// feature (docs/ARCHITECTURE.md, "Layers"). A feature adds one line here: in `featureLocales` when the
// first screen or the shell shows its strings, otherwise in `laterFeatureLocales`, whose strings load
// with the screen (or the phone) that shows them (docs/ARCHITECTURE.md, "Loading").
import type { FeatureLocales } from '../i18n';
import { addFeatureLocales } from '../i18n';
import { badgesLocales } from '../features/badges/locales';
import { rollcallLocales } from '../features/rollcall/locales';
import { complaintsLocales } from '../features/complaints/locales';
import { dashboardLocales } from '../features/dashboard/locales';
import { signinLocales } from '../features/signin/locales';
import { callNotesLocales } from '../features/callnotes/locales';
import { messagesLocales } from '../features/messages/locales';
import { equipmentLocales } from '../features/equipment/locales';

/** Strings given to i18next at start: the first screen's (dashboard) and those of the shell's dialogs. */
export const featureLocales = {
  badges: badgesLocales,
  rollcall: rollcallLocales,
  complaints: complaintsLocales,
  dashboard: dashboardLocales,
  signin: signinLocales,
  callnotes: callNotesLocales,
  messages: messagesLocales,
  equipment: equipmentLocales,
} as const satisfies FeatureLocales;

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
  return { ...featureLocales, ...Object.fromEntries(later) };
}
