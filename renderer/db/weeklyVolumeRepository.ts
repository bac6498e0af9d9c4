// Weekly phone-record volumes (issue 12 item 2): reads the calls of an ISO week with their notes and hands
// them to the pure grouping (shared/archive/weeklyVolume.ts), and records every volume produced (a PDF saved,
// the print dialog, a bundle's copy) with its SHA-256, through the write path and audited.
// A volume leaves the desk like an export, so both need the export permission (a supervisor's).
import { formatIsoWeek, buildWeeklyVolume, isoWeeksBetween, type IsoWeek, type VolumeCall, type WeeklyVolume } from '@shared/archive/weeklyVolume';
import type { CallNote, VolumeOutput, WeeklyVolumeRecord } from '@shared/domain/switchboard';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import { noteCategories } from './deskSettings';
import { RecordRepository, type WriteOptions } from './recordRepository';

export interface VolumeProduced {
  volume: WeeklyVolume;
  output: VolumeOutput;
  sha256: string;
  bytes: number;
  pages: number;
  fileName?: string | undefined;
}

export class WeeklyVolumeRepository extends RecordRepository<'weeklyVolumes', Omit<WeeklyVolumeRecord, 'id' | 'createdAt' | 'updatedAt' | 'deskId' | 'deletedAt'>> {
  constructor(db: FrontDeskDatabase) {
    super(db, 'weeklyVolumes');
  }

  protected override describe(record: WeeklyVolumeRecord): string {
    return `weekly volume ${record.week}`;
  }

  /** The week's calls (live rows, by the startedAt index) with the newest live note of each, grouped. */
  async volumeOf(week: IsoWeek): Promise<WeeklyVolume> {
    this.db.access.assertRead('calls');
    this.db.access.assertRead('callNotes');
    const probe = buildWeeklyVolume(week, []);
    const calls = (await this.db.calls.where('startedAt').between(probe.from, probe.to, true, false).toArray()).filter((c) => c.deletedAt === undefined && c.disposition !== 'ringing' && c.disposition !== 'connected');
    const notes = new Map<string, CallNote>();
    if (calls.length > 0) {
      const found = await this.db.callNotes.where('callId').anyOf(calls.map((c) => c.id)).toArray();
      for (const note of found.sort((a, b) => (a.id < b.id ? -1 : 1))) if (note.callId && note.deletedAt === undefined) notes.set(note.callId, note);
    }
    const rows: VolumeCall[] = calls.map((call) => {
      const note = notes.get(call.id);
      return {
        id: call.id,
        startedAt: call.startedAt,
        direction: call.direction,
        remoteNumber: call.remoteNumber,
        remoteName: call.remoteName,
        disposition: call.disposition,
        answeredAt: call.answeredAt,
        ringMs: call.ringMs,
        talkMs: call.talkMs,
        category: note?.category,
        callerName: note?.callerName,
        company: note?.company,
      };
    });
    return buildWeeklyVolume(week, rows, await noteCategories(this.db));
  }

  /** The ISO weeks from the first to the last call in [from, to) (the whole table without a range). */
  async weeksWithCalls(range: { from: number; to: number } | null): Promise<IsoWeek[]> {
    this.db.access.assertRead('calls');
    const within = range ? this.db.calls.where('startedAt').between(range.from, range.to, true, false) : this.db.calls.orderBy('startedAt');
    const first = await within.first();
    const last = await (range ? this.db.calls.where('startedAt').between(range.from, range.to, true, false) : this.db.calls.orderBy('startedAt')).last();
    return first && last ? isoWeeksBetween(first.startedAt, last.startedAt + 1) : [];
  }

  /** Records a volume that left the desk, audited as an export. */
  async recordProduced(produced: VolumeProduced, options: WriteOptions = {}): Promise<WeeklyVolumeRecord> {
    this.db.access.assertAction('export');
    const { volume } = produced;
    const week = formatIsoWeek(volume.week);
    return this.create(
      {
        week,
        from: volume.from,
        to: volume.to,
        output: produced.output,
        fileName: produced.fileName,
        sha256: produced.sha256,
        bytes: produced.bytes,
        pages: produced.pages,
        calls: volume.totals.calls,
        answered: volume.totals.answered,
        missed: volume.totals.missed,
        p50Ms: volume.totals.p50Ms,
        p90Ms: volume.totals.p90Ms,
      },
      {
        ...options,
        summary: `weekly volume ${week} (${produced.output}${produced.fileName ? ` ${produced.fileName}` : ''}): ${volume.totals.calls} calls, ${produced.pages} pages, sha256 ${produced.sha256}`,
      },
    );
  }

  /** The volumes produced, newest first. */
  async recent(limit = 50): Promise<WeeklyVolumeRecord[]> {
    return (await this.table.orderBy('createdAt').reverse().limit(limit).toArray()).filter((r) => r.deletedAt === undefined);
  }
}

const repositories = new WeakMap<FrontDeskDatabase, WeeklyVolumeRepository>();

/**
 * The weekly volumes of a database. Not among createRepositories' (renderer/db/repositories.ts): only the
 * archive screen, which loads on use, reads them, so this repository and the volume layout stay off the
 * first screen (docs/ARCHITECTURE.md, "Loading").
 */
export function weeklyVolumesOf(db: FrontDeskDatabase): WeeklyVolumeRepository {
  let repo = repositories.get(db);
  if (!repo) {
    repo = new WeeklyVolumeRepository(db);
    repositories.set(db, repo);
  }
  return repo;
}
