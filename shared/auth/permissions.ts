// Who may do what at the desk (docs/REQUIREMENTS.md §6). The matrix is data, read at a glance: one row per
// table (what each role may read and write there) and one row per special action. It is enforced in
// renderer/db (the write path's commit() hook and the repositories' reads), shown read-only in Settings, and
// decides which screens the navigation lists. A table nobody listed is readable and writable by a supervisor
// only, so a new table is closed until somebody opens it here.
import type { OperatorRole } from '../domain/desk';

/** '-' nothing, 'r' read, 'rw' read, create and update, 'rwd' also soft-delete. */
export type TableAccess = '-' | 'r' | 'rw' | 'rwd';
export type ChangeKind = 'create' | 'update' | 'delete';

type Row<T> = Readonly<Record<OperatorRole, T>>;
const row = <T,>(receptionist: T, operator: T, concierge: T, supervisor: T): Row<T> => ({ receptionist, operator, concierge, supervisor });

//                                         receptionist operator concierge supervisor
export const TABLE_MATRIX: Readonly<Record<string, Row<TableAccess>>> = {
  visitors:        /* 来访人 */   row('rw',  'r',   '-',   'rwd'),
  visits:          /* 来访 */     row('rw',  'r',   '-',   'rwd'),
  watchlistAlerts: /* 警示 */     row('rw',  '-',   '-',   'rwd'),
  watchlist:       /* 可疑人员 */ row('r',   '-',   '-',   'rwd'),
  complaints:      /* 意见投诉 */ row('rw',  'rw',  'rw',  'rwd'),
  parcels:         /* 邮件 */     row('r',   'r',   'rw',  'rwd'),
  parcelEvents:    /* 交接 */     row('r',   'r',   'rw',  'rwd'),
  calls:           /* 通话 */     row('rw',  'rw',  'rw',  'rwd'),
  callNotes:       /* 来电记录 */ row('r',   'rw',  '-',   'rwd'),
  messages:        /* 留言 */     row('r',   'rw',  'r',   'rwd'),
  equipmentFaults: /* 设备故障 */ row('rw',  'rw',  'rw',  'rwd'),
  weeklyVolumes:   /* 电话记录册 */ row('-',   '-',   '-',   'rw'),
  departments:     /* 部门 */     row('r',   'r',   'r',   'rwd'),
  staff:           /* 通讯录 */   row('r',   'r',   'r',   'rwd'),
  handovers:       /* 交接班 */   row('rw',  'rw',  'rw',  'rwd'),
  settings:        /* 设置 */     row('rw',  'rw',  'rw',  'rwd'),
  operators:       /* 员工账号 */ row('r',   'r',   'r',   'rw'),
  auditLog:        /* 审计日志 */ row('-',   '-',   '-',   'r'),
};

export const SPECIAL_ACTIONS = [
  'export', 'restore', 'destroy', 'revealId', 'revealPhone', 'editWatchlist', 'editStaff', 'resetPin', 'viewAudit', 'changeSignInRule',
  'closeUnacknowledged', 'viewOperatorFigures', 'configureSync',
] as const;
export type SpecialAction = (typeof SPECIAL_ACTIONS)[number];

//                                                   receptionist operator concierge supervisor
export const ACTION_MATRIX: Readonly<Record<SpecialAction, Row<boolean>>> = {
  export:           row(false, false, false, true),
  restore:          row(false, false, false, true),
  destroy:          row(false, false, false, true),
  revealId:         row(false, false, false, true),
  revealPhone:      row(false, false, true,  true),
  editWatchlist:    row(false, false, false, true),
  editStaff:        row(false, false, false, true),
  resetPin:         row(false, false, false, true),
  viewAudit:        row(false, false, false, true),
  changeSignInRule: row(false, false, false, true),
  // Issue 10: a message not yet acknowledged may be closed only by a supervisor, with a reason.
  closeUnacknowledged: row(false, false, false, true),
  // Issue 10: the answer figures per operator (staff assessment) are the supervisor's.
  viewOperatorFigures: row(false, false, false, true),
  // Issue 14: which server the desk shares its log with, and the review of sync conflicts, are the supervisor's.
  configureSync:    row(false, false, false, true),
};

/**
 * How much of a confidential value a role sees without revealing it.
 *
 * Phone numbers of visitors and callers (issue 9), decided by what each role's work needs:
 * - operator: full. The switchboard answers, recognises, calls back and transfers by the caller's number; a
 *   masked number would stop the work (the operator's "phone permission" is this row, not a reveal).
 * - receptionist: full. Registers visitors (types and confirms their numbers, finds returning visitors by
 *   number) and reaches visitors who overstay; sees only the visitor screens and the directory.
 * - supervisor: full.
 * - concierge: partial (the last four digits). Passes messages on and hands parcels over, which needs who
 *   called, not their number. When a recipient must call back, the concierge reveals the number with a
 *   reason (`revealPhone`, audited as 'reveal'); only then do the printed slip and the SIP text carry it.
 * The same rule masks the screens, print and exports made by that person (shared/auth/masking.ts). A reveal
 * is only offered to a role whose visibility is less than full, so `revealPhone` matters for the concierge.
 */
export type Visibility = 'full' | 'partial' | 'hidden';
export const FIELD_MATRIX: Readonly<Record<'idNumber' | 'phone', Row<Visibility>>> = {
  idNumber: row('partial', 'hidden',  'hidden',  'partial'),
  phone:    row('full',    'full',    'partial', 'full'),
};

/** Screens of the navigation and the roles that see them. */
export const SCREEN_MATRIX: Readonly<Record<string, Row<boolean>>> = {
  visitors:    row(true,  false, false, true),
  parcels:     row(false, false, true,  true),
  switchboard: row(false, true,  false, true),
  messages:    row(false, true,  true,  true),
  archive:     row(false, false, false, true),
  directory:   row(true,  true,  true,  true),
  dashboard:   row(true,  true,  true,  true),
  settings:    row(true,  true,  true,  true),
  audit:       row(false, false, false, true),
};

const NOBODY_BUT_SUPERVISOR = row<TableAccess>('-', '-', '-', 'rwd');

export function tableAccess(table: string, role: OperatorRole): TableAccess {
  return (TABLE_MATRIX[table] ?? NOBODY_BUT_SUPERVISOR)[role];
}

export function canRead(roles: readonly OperatorRole[], table: string): boolean {
  return roles.some((r) => tableAccess(table, r) !== '-');
}

export function canWrite(roles: readonly OperatorRole[], table: string, kind: ChangeKind): boolean {
  return roles.some((r) => {
    const access = tableAccess(table, r);
    return kind === 'delete' ? access === 'rwd' : access === 'rw' || access === 'rwd';
  });
}

export function canDo(roles: readonly OperatorRole[], action: SpecialAction): boolean {
  return roles.some((r) => ACTION_MATRIX[action][r]);
}

export function canSeeScreen(roles: readonly OperatorRole[], screen: string): boolean {
  const entry = SCREEN_MATRIX[screen];
  return entry ? roles.some((r) => entry[r]) : roles.includes('supervisor');
}

const VISIBILITY_ORDER: Record<Visibility, number> = { hidden: 0, partial: 1, full: 2 };

/** The most any of the person's roles may see of the field. */
export function fieldVisibility(roles: readonly OperatorRole[], field: keyof typeof FIELD_MATRIX): Visibility {
  let best: Visibility = 'hidden';
  for (const r of roles) if (VISIBILITY_ORDER[FIELD_MATRIX[field][r]] > VISIBILITY_ORDER[best]) best = FIELD_MATRIX[field][r];
  return best;
}

/**
 * Special actions implied by ordinary writes: a write to the watchlist needs `editWatchlist`, to staff or
 * departments `editStaff`. The write path checks both the table and this.
 */
export const TABLE_ACTIONS: Readonly<Record<string, SpecialAction>> = {
  watchlist: 'editWatchlist',
  staff: 'editStaff',
  departments: 'editStaff',
};
