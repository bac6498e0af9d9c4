// The waiting list (待领取), urgent first everywhere (shared/parcels/parcelMachine.ts compareWaiting), with
// the "to notify" list and the items waiting longer than N days (configurable, default 3) as filters.
// Notify tells a recipient about ALL their waiting items in one notification; reminding an overdue item
// is one key on its row (N), as are its history (T) and its shelf label (L).
import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { alpha, lighten, type Theme } from '@mui/material/styles';
import type { Parcel, Staff } from '@shared/domain';
import { DEFAULT_AGING_DAYS, groupByRecipient, isOverdue } from '@shared/parcels/parcelMachine';
import { repositoriesOf, useDatabase, useLiveRead, type FrontDeskDatabase } from '../../db';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/notifications/notificationStore';
import { recordMetric } from '../../platform/metrics';
import { carrierName, itemName, recipientLabel } from './parcelFormat';
import { notifyRecipient } from './notifyRecipient';
import { AGING_SETTING } from './agingSetting';

type Filter = 'all' | 'toNotify' | 'overdue';

/**
 * Rows painted at first, then a page more per click: the read of the waiting items is two index ranges
 * and cheap; painting hundreds of rows with their buttons at once is what kept the first paint slow.
 */
export const WAITING_PAGE = 50;

export interface WaitingRow {
  parcel: Parcel;
  recipient: Staff | undefined;
}

export async function loadWaiting(db: FrontDeskDatabase): Promise<WaitingRow[]> {
  const repos = repositoriesOf(db);
  const started = performance.now();
  const waiting = await repos.parcels.waiting();
  const people = await repos.staff.byIds(waiting.map((p) => p.recipientStaffId));
  // Bench figure: the read alone (two index ranges and the recipients), apart from the paint.
  recordMetric('parcelWaitingQueryMs', performance.now() - started);
  return waiting.map((parcel) => ({ parcel, recipient: parcel.recipientStaffId ? people.get(parcel.recipientStaffId) : undefined }));
}

export function useAgingDays(db: FrontDeskDatabase): number {
  return useLiveRead(() => repositoriesOf(db).settings.getValue<number>(AGING_SETTING, DEFAULT_AGING_DAYS), [db]) ?? DEFAULT_AGING_DAYS;
}

export interface WaitingPanelProps {
  departments: ReadonlyMap<string, string>;
  onTimeline: (parcelId: string) => void;
  onLabel: (parcelId: string) => void;
  onMove: (parcel: Parcel) => void;
  onClose: (parcel: Parcel) => void;
  onCorrect: (parcel: Parcel) => void;
}

export function WaitingPanel({ departments, onTimeline, onLabel, onMove, onClose, onCorrect }: WaitingPanelProps) {
  const { t, i18n } = useTranslation('parcels');
  const db = useDatabase();
  const notify = useNotify();
  const [filter, setFilterState] = useState<Filter>('all');
  const [limit, setLimit] = useState(WAITING_PAGE);
  const setFilter = (next: Filter) => {
    setFilterState(next);
    setLimit(WAITING_PAGE);
  };
  const [now, setNow] = useState(() => Date.now());
  const agingDays = useAgingDays(db);
  const [agingInput, setAgingInput] = useState<string>();
  const rows = useLiveRead(() => loadWaiting(db), [db]);
  const mountedAt = useRef(performance.now());
  const measured = useRef(false);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (rows && !measured.current) {
      measured.current = true;
      // Bench figure: screen mounted → the waiting list painted (after this commit's layout).
      requestAnimationFrame(() => recordMetric('parcelWaitingPaintMs', performance.now() - mountedAt.current));
    }
  }, [rows]);

  const all = rows ?? [];
  const toNotify = all.filter((r) => r.parcel.status === 'received');
  const overdue = all.filter((r) => isOverdue(r.parcel, now, agingDays));
  const shown = filter === 'toNotify' ? toNotify : filter === 'overdue' ? overdue : all;

  const tell = async (row: WaitingRow) => {
    // One notification per recipient: every waiting item of this person goes in it.
    const items = row.parcel.recipientStaffId ? all.filter((r) => r.parcel.recipientStaffId === row.parcel.recipientStaffId).map((r) => r.parcel) : [row.parcel];
    const reminder = row.parcel.status === 'notified';
    await report(row.recipient, items, reminder);
  };

  const report = async (recipient: Staff | undefined, items: Parcel[], reminder: boolean) => {
    try {
      const outcome = await notifyRecipient(db, t, recipient, items, { reminder });
      const name = recipient?.name ?? items[0]?.recipientName ?? '';
      notify('success', t('waiting.notified', { recipient: name, count: outcome.count, channels: outcome.channels.map((c) => t(`channels.${c}`)).join(', ') }));
      if (outcome.failures.length) notify('warning', t('waiting.notifyFailed', { recipient: name, failures: outcome.failures.join('; ') }));
    } catch (e) {
      notify('error', describeError(e));
    }
  };

  const notifyAll = async () => {
    const byId = new Map(all.map((r) => [r.parcel.id, r]));
    for (const group of groupByRecipient(toNotify.map((r) => r.parcel))) {
      const items = all.filter((r) => r.parcel.recipientStaffId === group.recipientStaffId).map((r) => r.parcel);
      await report(byId.get(group.items[0]!.id)?.recipient, items, false);
    }
  };

  const saveAging = async () => {
    const days = Number.parseInt(agingInput ?? '', 10);
    setAgingInput(undefined);
    if (!Number.isFinite(days) || days < 1 || days > 365 || days === agingDays) return;
    await repositoriesOf(db).settings.setValue(AGING_SETTING, days, 'site');
    notify('success', t('waiting.agingSaved', { days }));
  };

  // The rows call the panel through one stable object (its functions always the latest), so a row whose
  // item did not change is not painted again when the list wakes up.
  const latest = useRef({ tell, onTimeline, onLabel, onMove, onClose, onCorrect });
  latest.current = { tell, onTimeline, onLabel, onMove, onClose, onCorrect };
  const actions = useMemo<RowActions>(() => ({
    tell: (row) => void latest.current.tell(row),
    timeline: (row) => latest.current.onTimeline(row.parcel.id),
    label: (row) => latest.current.onLabel(row.parcel.id),
    move: (row) => latest.current.onMove(row.parcel),
    close: (row) => latest.current.onClose(row.parcel),
    correct: (row) => latest.current.onCorrect(row.parcel),
  }), []);

  // One formatter for the whole list (building one per row was a measurable part of the paint).
  const formatter = useMemo(() => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' }), [i18n.language]);
  const time = (at: number) => formatter.format(at);
  const age = (at: number) => {
    const days = Math.floor((now - at) / 86_400_000);
    return days < 1 ? t('waiting.ageToday') : t('waiting.age', { days });
  };

  return (
    <Paper variant="outlined" component="section" aria-labelledby="parcels-waiting-heading" sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1, mb: 1 }}>
        <Typography id="parcels-waiting-heading" variant="h6" component="h2">{t('waiting.heading')}</Typography>
        <ToggleButtonGroup size="small" exclusive value={filter} onChange={(_e, v: Filter | null) => v && setFilter(v)} aria-label={t('waiting.filter')}>
          <ToggleButton value="all">{t('waiting.all', { count: all.length })}</ToggleButton>
          <ToggleButton value="toNotify">{t('waiting.toNotify', { count: toNotify.length })}</ToggleButton>
          <ToggleButton value="overdue">{t('waiting.overdue', { days: agingDays, count: overdue.length })}</ToggleButton>
        </ToggleButtonGroup>
        <Box sx={{ flex: 1 }} />
        <TextField
          id="parcels-aging-days"
          label={t('waiting.agingDays')}
          size="small"
          value={agingInput ?? String(agingDays)}
          onChange={(e) => setAgingInput(e.target.value.replace(/\D/g, '').slice(0, 3))}
          onBlur={() => void saveAging()}
          onKeyDown={(e) => e.key === 'Enter' && void saveAging()}
          sx={{ width: 140 }}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        />
        <Button variant="outlined" onClick={() => void notifyAll()} disabled={toNotify.length === 0}>{t('waiting.notifyAll')}</Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('waiting.rowHelp')}</Typography>
      {rows && shown.length === 0 ? (
        <Typography role="status">{t('waiting.empty')}</Typography>
      ) : (
        <Table size="small" aria-labelledby="parcels-waiting-heading" data-testid="parcels-waiting" sx={rowStyles}>
          <TableHead>
            <TableRow>
              <TableCell>{t('waiting.columns.item')}</TableCell>
              <TableCell>{t('waiting.columns.recipient')}</TableCell>
              <TableCell>{t('waiting.columns.shelf')}</TableCell>
              <TableCell>{t('waiting.columns.received')}</TableCell>
              <TableCell>{t('waiting.columns.status')}</TableCell>
              <TableCell>{t('waiting.columns.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <tbody>
            {shown.slice(0, limit).map((row) => {
              const { parcel, recipient } = row;
              const department = recipient?.departmentId ? departments.get(recipient.departmentId) : undefined;
              return (
                <WaitingRowView
                  key={parcel.id}
                  row={row}
                  t={t}
                  department={department ? `${department}${recipient?.extension ? ` · ${recipient.extension}` : ''}` : undefined}
                  received={`${time(parcel.receivedAt)} (${age(parcel.receivedAt)})`}
                  late={isOverdue(parcel, now, agingDays)}
                  actions={actions}
                />
              );
            })}
          </tbody>
        </Table>
      )}
      {shown.length > limit && (
        <Button sx={{ mt: 1 }} onClick={() => setLimit((n) => n + WAITING_PAGE)}>
          {t('waiting.showMore', { count: Math.min(WAITING_PAGE, shown.length - limit), total: shown.length })}
        </Button>
      )}
    </Paper>
  );
}

interface RowActions {
  tell: (row: WaitingRow) => void;
  timeline: (row: WaitingRow) => void;
  label: (row: WaitingRow) => void;
  move: (row: WaitingRow) => void;
  close: (row: WaitingRow) => void;
  correct: (row: WaitingRow) => void;
}

interface WaitingRowProps {
  row: WaitingRow;
  t: TFunction<'parcels'>;
  department: string | undefined;
  received: string;
  late: boolean;
  actions: RowActions;
}

/**
 * One waiting item. The rows are plain table elements and native buttons styled once for the whole table
 * (rowStyles): fifty rows of six MUI buttons, chips and typography each computed and inserted their styles
 * one by one, which was most of the list's first paint (tests/bench/parcels.bench.ts). Same roles, names
 * and keys as before: a row is focusable with N (notify or remind), T (history) and L (label) on it.
 */
const WaitingRowView = memo(function WaitingRowView({ row, t, department, received, late, actions }: WaitingRowProps) {
  const { parcel } = row;
  const name = itemName(t, parcel);
  const tellLabel = parcel.status === 'notified' ? t('waiting.remind') : t('waiting.notify');
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.altKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if (key === 'n') actions.tell(row);
    else if (key === 't') actions.timeline(row);
    else if (key === 'l') actions.label(row);
    else return;
    event.preventDefault();
  };
  return (
    <tr tabIndex={0} onKeyDown={onKeyDown} data-parcel={parcel.id} aria-label={name}>
      <td>
        <span className="item">
          {parcel.urgent === 1 && <span className="chip urgent">{t('waiting.urgent')}</span>}
          <span>{name}</span>
        </span>
        <span className="caption">{carrierName(t, parcel.carrier)}{parcel.pieces && parcel.pieces > 1 ? ` · ×${parcel.pieces}` : ''}</span>
      </td>
      <td>
        {recipientLabel(t, parcel)}
        {department && <span className="caption">{department}</span>}
      </td>
      <td>{parcel.shelf ?? '—'}</td>
      <td>
        {received}
        {late && <span className="chip overdue">{t('waiting.overdueFlag')}</span>}
      </td>
      <td>{t(`statuses.${parcel.status}`)}</td>
      <td>
        <span className="actions">
          <button type="button" onClick={() => actions.tell(row)} aria-label={`${tellLabel}: ${name}`}>{tellLabel}</button>
          <button type="button" onClick={() => actions.timeline(row)} aria-label={`${t('waiting.timeline')}: ${name}`}>{t('waiting.timeline')}</button>
          <button type="button" onClick={() => actions.label(row)} aria-label={`${t('waiting.label')}: ${name}`}>{t('waiting.label')}</button>
          <button type="button" onClick={() => actions.move(row)} aria-label={`${t('waiting.move')}: ${name}`}>{t('waiting.move')}</button>
          <button type="button" onClick={() => actions.correct(row)} aria-label={`${t('waiting.correct')}: ${name}`}>{t('waiting.correct')}</button>
          <button type="button" className="warning" onClick={() => actions.close(row)} aria-label={`${t('waiting.refuse')}: ${name}`}>{t('waiting.refuse')}</button>
        </span>
      </td>
    </tr>
  );
}, (a, b) =>
  a.row.parcel.id === b.row.parcel.id && a.row.parcel.updatedAt === b.row.parcel.updatedAt && a.row.recipient?.updatedAt === b.row.recipient?.updatedAt
  && a.t === b.t && a.department === b.department && a.received === b.received && a.late === b.late && a.actions === b.actions);

/** The rows' look, once for the table: MUI's small table cell, caption, chip and small text button. */
const rowStyles = (theme: Theme) => ({
  '& tbody tr': { outlineOffset: -3 },
  '& tbody tr:hover': { backgroundColor: theme.palette.action.hover },
  '& tbody td': {
    ...theme.typography.body2,
    color: theme.palette.text.primary,
    padding: '6px 16px',
    borderBottom: `1px solid ${lighten(alpha(theme.palette.divider, 1), 0.88)}`,
    verticalAlign: 'middle',
  },
  '& tbody tr:last-of-type td': { borderBottom: 0 },
  '& .item': { display: 'flex', alignItems: 'center', gap: theme.spacing(1) },
  '& .caption': { ...theme.typography.caption, display: 'block', color: theme.palette.text.secondary },
  '& .chip': {
    display: 'inline-flex', alignItems: 'center', height: 24, padding: '0 8px', borderRadius: 12,
    fontSize: theme.typography.pxToRem(13), whiteSpace: 'nowrap',
  },
  '& .chip.urgent': { backgroundColor: theme.palette.error.main, color: theme.palette.error.contrastText },
  '& .chip.overdue': { backgroundColor: theme.palette.warning.main, color: theme.palette.warning.contrastText, marginLeft: theme.spacing(1) },
  '& .actions': { display: 'flex', flexWrap: 'wrap', gap: theme.spacing(0.5) },
  '& .actions button': {
    ...theme.typography.button,
    fontSize: theme.typography.pxToRem(13),
    minWidth: 64,
    padding: '4px 5px',
    border: 0,
    borderRadius: theme.shape.borderRadius,
    background: 'transparent',
    color: theme.palette.primary.main,
    cursor: 'pointer',
    '&:hover': { backgroundColor: alpha(theme.palette.primary.main, theme.palette.action.hoverOpacity) },
  },
  '& .actions button.warning': {
    color: theme.palette.warning.main,
    '&:hover': { backgroundColor: alpha(theme.palette.warning.main, theme.palette.action.hoverOpacity) },
  },
});
