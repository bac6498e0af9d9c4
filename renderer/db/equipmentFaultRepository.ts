// The equipment log (设备故障记录, issue 10): faults of lines, switchboard equipment and the desk's other
// equipment, what/when/reported to whom/status/repaired at/how. The console records a fault candidate
// itself when the PBX has been unreachable for over a minute (features/equipment watches the phone's
// registration); the operator confirms it (it becomes an ordinary open fault) or dismisses it (a tombstone).
import Dexie from 'dexie';
import type { EquipmentFault, EquipmentKind, FaultStatus } from '@shared/domain/switchboard';
import type { NewRecord } from '@shared/domain/record';
import { cleanName, cleanText } from '@shared/text/cleanText';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { RecordRepository, ValidationError, withoutUndefined } from './recordRepository';

export interface FaultInput {
  equipment: string;
  kind?: EquipmentKind | undefined;
  line?: string | undefined;
  symptom: string;
  status?: FaultStatus | undefined;
  reportedAt?: number | undefined;
  reportedTo?: string | undefined;
  repair?: string | undefined;
  fixedAt?: number | undefined;
  candidate?: 0 | 1 | undefined;
  outageFrom?: number | undefined;
  outageTo?: number | undefined;
}

const line = (v: string | undefined, max: number) => {
  const c = cleanName(v ?? '').slice(0, max);
  return c ? c : undefined;
};
const text = (v: string | undefined, max: number) => {
  const c = cleanText(v ?? '').trim().slice(0, max);
  return c ? c : undefined;
};

export const OPEN_FAULT_STATUSES: readonly FaultStatus[] = ['open', 'inRepair'];

export class EquipmentFaultRepository extends RecordRepository<'equipmentFaults', FaultInput> {
  constructor(db: FrontDeskDatabase) {
    super(db, 'equipmentFaults');
  }

  protected override describe(record: EquipmentFault): string {
    return `fault of ${record.equipment} (${record.status}${record.candidate ? ', candidate' : ''})`;
  }

  protected override async toFields(input: FaultInput, existing: EquipmentFault | undefined): Promise<NewRecord<EquipmentFault>> {
    const equipment = line(input.equipment, 200);
    const symptom = text(input.symptom, 2000);
    const problems: Record<string, string> = {};
    if (!equipment) problems.equipment = 'required';
    if (!symptom) problems.symptom = 'required';
    if (Object.keys(problems).length) throw new ValidationError(problems);
    const status = input.status ?? 'open';
    const repair = text(input.repair, 2000);
    if (status === 'fixed' && !repair) throw new ValidationError({ repair: 'required' });
    return withoutUndefined({
      equipment: equipment!,
      kind: input.kind,
      line: line(input.line, 64),
      symptom: symptom!,
      status,
      reportedAt: input.reportedAt ?? existing?.reportedAt ?? Date.now(),
      reportedTo: line(input.reportedTo, 200),
      repair,
      fixedAt: status === 'fixed' ? (input.fixedAt ?? existing?.fixedAt ?? Date.now()) : undefined,
      candidate: input.candidate,
      outageFrom: input.outageFrom,
      outageTo: input.outageTo,
    }) as NewRecord<EquipmentFault>;
  }

  /** Open and in-repair faults (candidates included, flagged), newest first, by [status+reportedAt]. */
  async openFaults(): Promise<EquipmentFault[]> {
    const out: EquipmentFault[] = [];
    for (const status of OPEN_FAULT_STATUSES) {
      out.push(...(await this.db.equipmentFaults.where('[status+reportedAt]').between([status, Dexie.minKey], [status, Dexie.maxKey]).reverse().filter((f) => f.deletedAt === undefined).toArray()));
    }
    return out.sort((a, b) => b.reportedAt - a.reportedAt);
  }

  async recentFixed(limit = 50): Promise<EquipmentFault[]> {
    return this.db.equipmentFaults.where('[status+reportedAt]').between(['fixed', Dexie.minKey], ['fixed', Dexie.maxKey]).reverse().filter((f) => f.deletedAt === undefined).limit(limit).toArray();
  }

  /**
   * The PBX was unreachable from `from` to `to` (undefined: still unreachable). One candidate per outage:
   * a candidate still waiting for the operator whose outage is ongoing is extended, not duplicated.
   */
  async recordPbxCandidate(from: number, to: number | undefined, symptom: string, equipment: string): Promise<EquipmentFault> {
    return this.transaction(async () => {
      const waiting = (await this.openFaults()).find((f) => f.candidate === 1 && f.outageFrom !== undefined && (f.outageTo === undefined || f.outageTo >= from - 60_000));
      if (waiting) {
        if (to === undefined || waiting.outageTo === to) return waiting;
        return this.update(waiting.id, { outageTo: to }, { summary: `PBX outage candidate ${waiting.id}: reachable again` });
      }
      return this.create({ equipment, kind: 'switchboard', symptom, status: 'open', reportedAt: from, candidate: 1, outageFrom: from, outageTo: to }, { summary: 'fault candidate recorded: PBX unreachable for over a minute' });
    });
  }

  confirmCandidate(id: string, changes: Partial<FaultInput> = {}): Promise<EquipmentFault> {
    return this.update(id, { ...changes, candidate: undefined }, { summary: `fault candidate ${id} confirmed` });
  }

  dismissCandidate(id: string): Promise<void> {
    return this.softDelete(id, { summary: `fault candidate ${id} dismissed` });
  }
}
