// Every feature's strings, by namespace. A feature adds one line here.
import { directoryLocales } from '../features/directory/locales';

export const featureLocales = {
  directory: directoryLocales,
} as const;
