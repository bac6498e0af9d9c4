// The staff directory feature: the screen, the first-run sample, and the CSV import.
export { DirectoryScreen } from './DirectoryScreen';
export { ensureSampleDirectory, SAMPLE_LOADED_SETTING } from './sampleDirectory';
export { importDirectoryRows, ImportCancelledError, type ImportOptions, type ImportOutcome } from './directoryImport';
export { directoryLocales } from './locales';
