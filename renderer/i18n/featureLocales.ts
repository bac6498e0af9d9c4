// Every feature's strings, by namespace. A feature adds one line here.
import { directoryLocales } from '../features/directory/locales';
import { switchboardLocales } from '../features/switchboard/locales';

export const featureLocales = {
  directory: directoryLocales,
  switchboard: switchboardLocales,
} as const;
