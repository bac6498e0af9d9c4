// Thrown by any long import when the person cancels it; the import's transaction rolls back with it, so
// a cancelled import leaves nothing half-written. One class for every import (directory, expected visitors, …).
export class ImportCancelledError extends Error {
  constructor() {
    super('Import cancelled');
    this.name = 'ImportCancelledError';
  }
}
