export * from './permissions';
export * from './masking';
export * from './credentials';
export * from './lockout';
