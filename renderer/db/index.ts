// The renderer's storage: one Dexie database with an append-only schema history, repositories per
// table, and the domain types (defined in shared/domain so exports and archives use the same ones).
export { getDatabase, getRepositories, openFrontDeskDatabase, getDeskId, setCurrentActor, resetDatabaseForTests } from './database';
export { FrontDeskDatabase, DATABASE_NAME, applySchemaHistory, type FrontDeskTables, type TableName, type DatabaseOptions } from './FrontDeskDatabase';
export { SCHEMA_HISTORY, CURRENT_SCHEMA_VERSION, type SchemaVersion } from './schemaHistory';
export { DeskContext, DESK_ID_STORAGE_KEY, DESK_ID_SETTING, DEFAULT_ACTOR } from './deskContext';
export { newId } from './ids';
export { keyPage, type Page, type PageCursor, type PageRequest } from './paging';
export { AuditLogRepository } from './auditLog';
export { ImportCancelledError, type Actor } from './writePath';
export { loadTextKeys } from './textKeys';
export { CallRepository, type CallWrite } from './callRepository';
export { type StaffImportOptions, type StaffImportOutcome } from './staffImport';
export { recoverStagedImports, type RecoveryOutcome } from './stagedImport';
export { RecordRepository, ValidationError, RecordNotFoundError, withoutUndefined, type WriteOptions, type SearchOptions } from './recordRepository';
export { SettingsRepository } from './settingsRepository';
export { ComplaintRepository, type ComplaintInput } from './complaintRepository';
export { DepartmentRepository, DepartmentInUseError, departmentFields, departmentNameKey } from './departmentRepository';
export { StaffRepository, staffFields, staffKeysOf, type StaffListRequest, type StaffSearchOptions } from './staffRepository';
export { VisitorRepository, visitorFields, type VisitorInput, type VisitorSuggestion } from './visitorRepository';
export { VisitRepository, type RegistrationRequest, type CheckInResult, type CheckInOutcome, type PreRegisterAllOptions, type VisitWithPeople, type CheckOutMethod, type HostNotificationChannel } from './visitRepository';
export { WatchlistRepository, WatchlistAlertRepository, type WatchlistInput, type WatchlistDecision } from './watchlistRepository';
export { createRepositories, repositoriesOf, type Repositories } from './repositories';
export { DatabaseProvider, useDatabase } from './DatabaseContext';
export type * from '@shared/domain';
export * from '@shared/domain';
export { databaseHealth, type DatabaseHealth, type DatabaseHealthState } from './databaseHealth';
