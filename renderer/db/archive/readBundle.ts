// The bundle reader moved to shared/archive/readBundle.ts so main verifies a written backup with the same
// code (scheduled backups); the renderer keeps importing it from here.
export { readEntries, verifyBundle, NotABundleError, type BundleSource, type EntryEvent, type ReadOptions, type VerifyOutcome } from '@shared/archive/readBundle';
