export * from './record';
export * from './desk';
export * from './directory';
export * from './visitors';
export * from './parcels';
export * from './switchboard';
