export * from './directoryCsv';
