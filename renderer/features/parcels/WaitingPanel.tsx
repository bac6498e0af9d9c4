// The waiting list (待领取), urgent first everywhere (shared/parcels/parcelMachine.ts compareWaiting), with
// the "to notify" list and the items waiting longer than N days (configurable, default 3) as filters.
// Notify tells a recipient about ALL their waiting items in one notification; reminding an overdue item
// is one key on its row (N), as are its history (T) and its shelf label (L).
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import type { Parcel, Staff } from '@shared/domain';
import { DEFAULT_AGING_DAYS, groupByRecipient, isOverdue } from '@shared/parcels/parcelMachine';
import { repositoriesOf, useDatabase, type FrontDeskDatabase } from '../../db';
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
  return useLiveQuery(() => repositoriesOf(db).settings.getValue<number>(AGING_SETTING, DEFAULT_AGING_DAYS), [db]) ?? DEFAULT_AGING_DAYS;
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
  const rows = useLiveQuery(() => loadWaiting(db), [db]);
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

  const onRowKey = (event: KeyboardEvent<HTMLTableRowElement>, row: WaitingRow) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.altKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if (key === 'n') void tell(row);
    else if (key === 't') onTimeline(row.parcel.id);
    else if (key === 'l') onLabel(row.parcel.id);
    else return;
    event.preventDefault();
  };

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
        <Table size="small" aria-labelledby="parcels-waiting-heading" data-testid="parcels-waiting">
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
          <TableBody>
            {shown.slice(0, limit).map((row) => {
              const { parcel, recipient } = row;
              const late = isOverdue(parcel, now, agingDays);
              const name = itemName(t, parcel);
              return (
                <TableRow key={parcel.id} tabIndex={0} hover onKeyDown={(e) => onRowKey(e, row)} data-parcel={parcel.id} aria-label={name}>
                  <TableCell>
                    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                      {parcel.urgent === 1 && <Chip size="small" color="error" label={t('waiting.urgent')} />}
                      <span>{name}</span>
                    </Stack>
                    <Typography variant="caption" color="text.secondary">{carrierName(t, parcel.carrier)}{parcel.pieces && parcel.pieces > 1 ? ` · ×${parcel.pieces}` : ''}</Typography>
                  </TableCell>
                  <TableCell>
                    {recipientLabel(t, parcel)}
                    {recipient?.departmentId && departments.get(recipient.departmentId) && (
                      <Typography variant="caption" color="text.secondary" component="div">{departments.get(recipient.departmentId)}{recipient.extension ? ` · ${recipient.extension}` : ''}</Typography>
                    )}
                  </TableCell>
                  <TableCell>{parcel.shelf ?? '—'}</TableCell>
                  <TableCell>
                    {time(parcel.receivedAt)} ({age(parcel.receivedAt)})
                    {late && <Chip size="small" color="warning" label={t('waiting.overdueFlag')} sx={{ ml: 1 }} />}
                  </TableCell>
                  <TableCell>{t(`statuses.${parcel.status}`)}</TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap' }}>
                      <Button size="small" onClick={() => void tell(row)} aria-label={`${parcel.status === 'notified' ? t('waiting.remind') : t('waiting.notify')}: ${name}`}>
                        {parcel.status === 'notified' ? t('waiting.remind') : t('waiting.notify')}
                      </Button>
                      <Button size="small" onClick={() => onTimeline(parcel.id)} aria-label={`${t('waiting.timeline')}: ${name}`}>{t('waiting.timeline')}</Button>
                      <Button size="small" onClick={() => onLabel(parcel.id)} aria-label={`${t('waiting.label')}: ${name}`}>{t('waiting.label')}</Button>
                      <Button size="small" onClick={() => onMove(parcel)} aria-label={`${t('waiting.move')}: ${name}`}>{t('waiting.move')}</Button>
                      <Button size="small" onClick={() => onCorrect(parcel)} aria-label={`${t('waiting.correct')}: ${name}`}>{t('waiting.correct')}</Button>
                      <Button size="small" color="warning" onClick={() => onClose(parcel)} aria-label={`${t('waiting.refuse')}: ${name}`}>{t('waiting.refuse')}</Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
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
