// The bridge contract between the renderer and main (docs/ARCHITECTURE.md "The bridge").
export * from './result';
export * from './schemas';
export * from './channels';
export * from './contract';
export * from './dispatch';
