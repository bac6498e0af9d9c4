export * from './searchKeys';
