// Every feature's strings, by namespace. A feature adds one line here.
import { directoryLocales } from '../features/directory/locales';
import { switchboardLocales } from '../features/switchboard/locales';
import { visitorsLocales } from '../features/visitors/locales';
import { badgesLocales } from '../features/badges/locales';
import { rollcallLocales } from '../features/rollcall/locales';
import { complaintsLocales } from '../features/complaints/locales';
import { dashboardLocales } from '../features/dashboard/locales';

export const featureLocales = {
  directory: directoryLocales,
  switchboard: switchboardLocales,
  visitors: visitorsLocales,
  badges: badgesLocales,
  rollcall: rollcallLocales,
  complaints: complaintsLocales,
  dashboard: dashboardLocales,
} as const;
