// The supervisor's audit log (docs/REQUIREMENTS.md §6): filter by person, action, table and time, page by
// key (renderer/db/auditLog.ts query: a page reads about one page of rows even with 500k entries), and
// export the filtered entries as CSV (shared/formats/csv.ts), which is itself audited. Read-only: no entry
// can be edited or deleted here or through any repository method.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Paper, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { AuditAction, AuditEntry } from '@shared/domain/desk';
import { AUDIT_ACTIONS } from '@shared/domain/plain/desk';
import { TABLE_MATRIX } from '@shared/auth/permissions';
import { csvDocument } from '@shared/formats/csv';
import { messageOf } from '@shared/errors/messageOf';
import { getRepositories, useDatabase, type AuditQuery, type PageCursor } from '../../db';
import { getBridge, saveExportStream } from '../../platform';
import { notifications } from '../../ui/notifications/notificationStore';
import { AppDateField } from '../../ui/dates/DateTimeFields';

const PAGE_SIZE = 100;

type Filters = Omit<AuditQuery, 'limit' | 'after'>;

function dayStart(value: string): number | undefined {
  if (!value) return undefined;
  const d = new Date(`${value}T00:00:00`);
  return Number.isNaN(d.getTime()) ? undefined : d.getTime();
}

function dayEnd(value: string): number | undefined {
  const start = dayStart(value);
  return start === undefined ? undefined : start + 24 * 60 * 60_000 - 1;
}

function stamp(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

export function AuditScreen() {
  const { t, i18n } = useTranslation('audit');
  const db = useDatabase();
  const repos = getRepositories(db);
  const [people, setPeople] = useState<Map<string, string>>(new Map());
  const [person, setPerson] = useState('');
  const [action, setAction] = useState('');
  const [table, setTable] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [filters, setFilters] = useState<Filters>({});
  const [cursors, setCursors] = useState<(PageCursor | undefined)[]>([undefined]);
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [next, setNext] = useState<PageCursor | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void repos.operators.signInNames().then((names) => setPeople(new Map(names.map((n) => [n.id, n.name]))));
  }, [repos]);

  const load = useCallback(async (query: Filters, after: PageCursor | undefined) => {
    setError(null);
    try {
      const page = await repos.auditLog.query({ ...query, limit: PAGE_SIZE, ...(after ? { after } : {}) });
      setEntries(page.items);
      setNext(page.next);
    } catch (e) {
      setError(messageOf(e));
      setEntries([]);
    }
  }, [repos]);

  const current = cursors[cursors.length - 1];
  useEffect(() => {
    void load(filters, current);
  }, [load, filters, current]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const query: Filters = {};
    if (person) query.actorId = person;
    if (action) query.action = action as AuditAction;
    if (table) query.entityTable = table;
    const f = dayStart(from);
    const e = dayEnd(to);
    if (f !== undefined) query.from = f;
    if (e !== undefined) query.to = e;
    setFilters(query);
    setCursors([undefined]);
  };

  const who = (actorId: string) => (actorId === 'desk' ? t('desk') : people.get(actorId) ?? actorId);
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  const exportCsv = async () => {
    setBusy(true);
    try {
      let count = 0;
      const header = [t('columns.at'), t('columns.person'), t('columns.action'), t('columns.table'), t('columns.record'), t('columns.summary')];
      const encoder = new TextEncoder();
      const parts: Uint8Array[] = [];
      let first = true;
      for await (const chunk of repos.auditLog.all(filters)) {
        const rows = chunk.map((e) => [new Date(e.at).toISOString(), who(e.actorId), e.action, e.entityTable, e.entityId, e.summary]);
        const text = csvDocument(header, rows, { bom: first });
        // csvDocument writes the header each time; later chunks drop their first line.
        parts.push(encoder.encode(first ? text : text.slice(text.indexOf('\r\n') + 2)));
        first = false;
        count += chunk.length;
      }
      const name = `${t('fileName')}-${stamp(Date.now())}.csv`;
      const outcome = await saveExportStream(getBridge(), name, 'text/csv', parts);
      if (outcome.status === 'saved') {
        await repos.auditLog.recordExport('auditLog', 'export', `exported ${count} audit entries (${JSON.stringify(filters)})`);
        notifications.notify('success', t('exported', { count }));
      } else if (outcome.status === 'failed') {
        notifications.notify('error', t('exportFailed', { message: outcome.error.message }));
      }
    } catch (e) {
      notifications.notify('error', t('exportFailed', { message: messageOf(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box component="section" aria-labelledby="screen-title" sx={{ p: 4, display: 'grid', gap: 2 }}>
      <Typography id="screen-title" variant="h5" component="h1">{t('title')}</Typography>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <Box component="form" onSubmit={apply} sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center' }} aria-label={t('apply')}>
          <TextField id="audit-person" select size="small" label={t('person')} value={person} onChange={(e) => setPerson(e.target.value)} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 160 }}>
            <option value="">{t('any')}</option>
            {[...people].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
          </TextField>
          <TextField id="audit-action" select size="small" label={t('action')} value={action} onChange={(e) => setAction(e.target.value)} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 140 }}>
            <option value="">{t('any')}</option>
            {AUDIT_ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
          </TextField>
          <TextField id="audit-table" select size="small" label={t('table')} value={table} onChange={(e) => setTable(e.target.value)} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 160 }}>
            <option value="">{t('any')}</option>
            {Object.keys(TABLE_MATRIX).map((name) => <option key={name} value={name}>{name}</option>)}
          </TextField>
          <AppDateField id="audit-from" label={t('from')} value={from} onChange={setFrom} />
          <AppDateField id="audit-to" label={t('to')} value={to} onChange={setTo} />
          <Button type="submit" variant="contained">{t('apply')}</Button>
          <Button onClick={() => void exportCsv()} disabled={busy}>{t('export')}</Button>
        </Box>
      </Paper>
      {error && <Alert severity="error" role="alert">{error}</Alert>}
      <Table size="small" aria-label={t('caption')} data-testid="audit-table">
        <TableHead>
          <TableRow>
            {(['at', 'person', 'action', 'table', 'record', 'summary'] as const).map((c) => <TableCell key={c} component="th" scope="col">{t(`columns.${c}`)}</TableCell>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {(entries ?? []).map((e) => (
            <TableRow key={e.id} data-audit-action={e.action}>
              <TableCell>{format.format(e.at)}</TableCell>
              <TableCell>{who(e.actorId)}</TableCell>
              <TableCell>{e.action}</TableCell>
              <TableCell>{e.entityTable}</TableCell>
              <TableCell sx={{ fontFamily: 'monospace', fontSize: 12 }}>{e.entityId}</TableCell>
              <TableCell>{e.summary}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {entries && entries.length === 0 && <Typography>{t('empty')}</Typography>}
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button onClick={() => setCursors([undefined])} disabled={cursors.length === 1}>{t('first')}</Button>
        <Button onClick={() => next && setCursors((c) => [...c, next])} disabled={!next}>{t('more')}</Button>
      </Box>
    </Box>
  );
}
