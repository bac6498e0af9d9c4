// One repository per table. The directory and desk tables have their own classes; the other domains
// start with the generic repository and grow their own files with their features.
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { AuditLogRepository } from './auditLog';
import { CallRepository } from './callRepository';
import { OperatorRepository } from './operatorRepository';
import { HandoverRepository } from './handoverRepository';
import { CallNoteRepository } from './callNoteRepository';
import { EquipmentFaultRepository } from './equipmentFaultRepository';
import { MessageRepository } from './messageRepository';
import { ComplaintRepository } from './complaintRepository';
import { DepartmentRepository } from './departmentRepository';
import { ParcelRepository } from './parcelRepository';
import { RecordRepository } from './recordRepository';
import { SettingsRepository } from './settingsRepository';
import { StaffRepository } from './staffRepository';
import { VisitorRepository } from './visitorRepository';
import { VisitRepository } from './visitRepository';
import { WatchlistAlertRepository, WatchlistRepository } from './watchlistRepository';

export function createRepositories(db: FrontDeskDatabase) {
  return {
    settings: new SettingsRepository(db),
    auditLog: new AuditLogRepository(db),
    departments: new DepartmentRepository(db),
    staff: new StaffRepository(db),
    operators: new OperatorRepository(db),
    handovers: new HandoverRepository(db),
    visitors: new VisitorRepository(db),
    visits: new VisitRepository(db),
    watchlist: new WatchlistRepository(db),
    watchlistAlerts: new WatchlistAlertRepository(db),
    complaints: new ComplaintRepository(db),
    parcels: new ParcelRepository(db),
    parcelEvents: new RecordRepository(db, 'parcelEvents'),
    calls: new CallRepository(db),
    callNotes: new CallNoteRepository(db),
    messages: new MessageRepository(db),
    equipmentFaults: new EquipmentFaultRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

const cache = new WeakMap<FrontDeskDatabase, Repositories>();

export function repositoriesOf(db: FrontDeskDatabase): Repositories {
  let repos = cache.get(db);
  if (!repos) {
    repos = createRepositories(db);
    cache.set(db, repos);
  }
  return repos;
}
