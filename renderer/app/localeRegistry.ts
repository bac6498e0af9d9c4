// Every feature's strings, by namespace, composed here at the top so the i18n core never imports a
// feature (docs/ARCHITECTURE.md, "Layers"). A feature adds one line here.
import type { FeatureLocales } from '../i18n';
import { directoryLocales } from '../features/directory/locales';
import { switchboardLocales } from '../features/switchboard/locales';
import { visitorsLocales } from '../features/visitors/locales';
import { badgesLocales } from '../features/badges/locales';
import { rollcallLocales } from '../features/rollcall/locales';
import { complaintsLocales } from '../features/complaints/locales';
import { dashboardLocales } from '../features/dashboard/locales';
import { archiveLocales } from '../features/archive/locales';

export const featureLocales = {
  directory: directoryLocales,
  switchboard: switchboardLocales,
  visitors: visitorsLocales,
  badges: badgesLocales,
  rollcall: rollcallLocales,
  complaints: complaintsLocales,
  dashboard: dashboardLocales,
  archive: archiveLocales,
} as const satisfies FeatureLocales;
