// The archive bundle (export, verify, restore). Imported by the archive screen only, so fflate and the
// hashing library load with that screen, not with the first one.
import type { BundleManifest } from '@shared/archive/bundleFormat';
import type { FrontDeskDatabase } from '../FrontDeskDatabase';
import { writePathOf, type WriteContext } from '../writePath';

export { archiveBundle, volumePath, type BundleOptions, type ExportProgress } from './exportBundle';
export { verifyBundle, NotABundleError, type BundleSource, type VerifyOutcome } from './readBundle';
export { applyRestore, discardStagedRestores, previewRestore, type RestorePreview, type TablePreview, type RestoreApplied } from './restoreBundle';
export { ARCHIVE_TABLES, type ArchiveTable } from './tableSchemas';
export { exportLog, auditLogExport, type LogExportOptions, type LogFormat } from './exportLog';
export { applyRetention, planRetention, type RetentionPlan, type RetentionPlanOutcome } from './retention';

/** The audit entry of a bundle that was saved: what it holds and its manifest's checksums stay on record. */
export function auditBundleExport(db: FrontDeskDatabase, manifest: BundleManifest, fileName: string, context: WriteContext = {}) {
  const rows = manifest.files.filter((f) => f.kind === 'jsonl').map((f) => `${f.table}=${f.rows}`).join(', ');
  return writePathOf(db).audit({ action: 'export', summary: `archive bundle ${fileName}: ${rows}`, entityTable: 'archive', entityId: fileName.slice(0, 200) || 'bundle' }, context);
}
