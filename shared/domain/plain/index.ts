// The zod-free half of shared/domain (docs/ARCHITECTURE.md, "Loading"): what code on the first screen may import.
export * from './record';
export * from './desk';
export * from './directory';
export * from './visitors';
export * from './parcels';
export * from './switchboard';
