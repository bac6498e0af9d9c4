// Export an archive bundle: which records, an optional date range, CSV or not; progress and cancel. The ZIP is
// streamed to the bridge (a save dialog in Electron, a download in the browser build); a cancelled or failed
// export leaves no file behind (main writes to a temporary name and renames it at the end).
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useDatabase } from '../../db';
import { ARCHIVE_TABLES, archiveBundle, auditBundleExport, auditLogExport, exportLog, type ArchiveTable, type ExportProgress, type LogFormat } from '../../db/archive';
import { getBridge, saveExportStream } from '../../platform';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/notifications/notificationStore';
import { AppDateField } from '../../ui/dates/DateTimeFields';

/** A local calendar day (yyyy-mm-dd from a date field) as epoch ms at its start. */
function dayStart(value: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime() : undefined;
}

function fileStamp(at: number): string {
  const d = new Date(at);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`;
}

/** The logs that can be exported on their own (issue 12, "Exports"). */
const LOGS = ['visits', 'parcels', 'parcelEvents', 'calls', 'messages', 'complaints', 'auditLog'] as const satisfies readonly ArchiveTable[];
type LogTable = (typeof LOGS)[number];

export function ExportPanel() {
  const { t } = useTranslation('archive');
  const db = useDatabase();
  const notify = useNotify();
  const [chosen, setChosen] = useState<ReadonlySet<ArchiveTable>>(new Set(ARCHIVE_TABLES));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [withCsv, setWithCsv] = useState(true);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [outcome, setOutcome] = useState<{ severity: 'success' | 'info' | 'error'; text: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  const [log, setLog] = useState<LogTable>('calls');
  const [format, setFormat] = useState<LogFormat>('jsonl');

  const fromMs = dayStart(from);
  const toMs = dayStart(to);
  const rangeInvalid = fromMs !== undefined && toMs !== undefined && toMs < fromMs;
  const busy = progress !== null;
  const all = chosen.size === ARCHIVE_TABLES.length;

  const toggle = (table: ArchiveTable) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(table)) next.delete(table);
      else next.add(table);
      return next;
    });

  const range = fromMs !== undefined || toMs !== undefined ? { from: fromMs ?? 0, to: toMs !== undefined ? toMs + 86_400_000 : Number.MAX_SAFE_INTEGER } : null;

  const startLog = async () => {
    if (rangeInvalid) return;
    const controller = new AbortController();
    abort.current = controller;
    setOutcome(null);
    setProgress({ table: log, rowsDone: 0, rowsTotal: 0 });
    try {
      const { chunks, rows } = exportLog(db, { table: log, format, range, signal: controller.signal, onProgress: setProgress });
      const name = `${t('export.logFileName')}-${log}-${fileStamp(Date.now())}.${format}`;
      const saved = await saveExportStream(getBridge(), name, format === 'csv' ? 'text/csv' : 'application/jsonl', chunks, { signal: controller.signal });
      if (saved.status === 'saved') {
        const file = saved.result.saved === 'file' ? saved.result.path : saved.result.fileName;
        await auditLogExport(db, log, format, file, rows());
        setOutcome({ severity: 'success', text: t('export.logSaved', { file, rows: rows() }) });
      } else if (saved.status === 'cancelled') {
        setOutcome({ severity: 'info', text: t('export.cancelled') });
      } else {
        setOutcome({ severity: 'error', text: t('export.failed', { message: saved.error.message }) });
      }
    } catch (error) {
      setOutcome(controller.signal.aborted ? { severity: 'info', text: t('export.cancelled') } : { severity: 'error', text: t('export.failed', { message: describeError(error) }) });
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const start = async () => {
    if (chosen.size === 0 || rangeInvalid) return;
    const controller = new AbortController();
    abort.current = controller;
    setOutcome(null);
    const tables = ARCHIVE_TABLES.filter((table) => chosen.has(table));
    setProgress({ table: tables[0]!, rowsDone: 0, rowsTotal: 0 });
    try {
      const info = await getBridge().app.info();
      const appVersion = info.ok ? info.value.appVersion : 'unknown';
      const { chunks, result } = archiveBundle(db, { appVersion, tables, range, csv: withCsv, signal: controller.signal, onProgress: setProgress });
      const name = `${t('export.fileName')}-${fileStamp(Date.now())}.zip`;
      const saved = await saveExportStream(getBridge(), name, 'application/zip', chunks, { signal: controller.signal });
      if (saved.status === 'saved') {
        const file = saved.result.saved === 'file' ? saved.result.path : saved.result.fileName;
        await auditBundleExport(db, (await result).manifest, file);
        setOutcome({ severity: 'success', text: t('export.saved', { file }) });
        notify('success', t('export.saved', { file }));
      } else if (saved.status === 'cancelled') {
        setOutcome({ severity: 'info', text: t('export.cancelled') });
      } else {
        setOutcome({ severity: 'error', text: t('export.failed', { message: saved.error.message }) });
      }
    } catch (error) {
      setOutcome(controller.signal.aborted ? { severity: 'info', text: t('export.cancelled') } : { severity: 'error', text: t('export.failed', { message: describeError(error) }) });
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };

  const percent = progress && progress.rowsTotal > 0 ? Math.min(100, Math.round((progress.rowsDone / progress.rowsTotal) * 100)) : 0;
  return (
    <Stack spacing={2} sx={{ maxWidth: 960 }}>
      <Typography>{t('export.intro')}</Typography>
      <FormControl component="fieldset" disabled={busy}>
        <FormLabel component="legend">{t('export.tablesLegend')}</FormLabel>
        <FormControlLabel
          control={<Checkbox checked={all} indeterminate={!all && chosen.size > 0} onChange={() => setChosen(all ? new Set() : new Set(ARCHIVE_TABLES))} />}
          label={t('export.all')}
        />
        <FormGroup sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', pl: 3 }}>
          {ARCHIVE_TABLES.map((table) => (
            <FormControlLabel key={table} control={<Checkbox checked={chosen.has(table)} onChange={() => toggle(table)} />} label={t(`tables.${table}`)} />
          ))}
        </FormGroup>
      </FormControl>
      {chosen.size === 0 && <Alert severity="warning">{t('export.nothing')}</Alert>}
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 2 }}>
        <AppDateField size="medium" label={t('export.from')} value={from} onChange={setFrom} disabled={busy} />
        <AppDateField
          size="medium"
          label={t('export.to')}
          value={to}
          onChange={setTo}
          disabled={busy}
          error={rangeInvalid}
          helperText={rangeInvalid ? t('export.rangeInvalid') : t('export.rangeHint')}
        />
      </Stack>
      <FormControlLabel control={<Checkbox checked={withCsv} onChange={(e) => setWithCsv(e.target.checked)} disabled={busy} />} label={t('export.withCsv')} />
      <Stack direction="row" spacing={2}>
        <Button variant="contained" onClick={() => void start()} disabled={busy || chosen.size === 0 || rangeInvalid}>
          {t('export.start')}
        </Button>
      </Stack>
      <Typography variant="h6" component="h2" id="log-export-title" sx={{ pt: 2 }}>{t('export.logTitle')}</Typography>
      <Typography>{t('export.logIntro')}</Typography>
      <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap', rowGap: 2, alignItems: 'center' }}>
        <TextField select label={t('export.log')} value={log} onChange={(e) => setLog(e.target.value as LogTable)} disabled={busy} slotProps={{ select: { native: true }, inputLabel: { shrink: true } }} sx={{ minWidth: 200 }}>
          {LOGS.map((table) => (
            <option key={table} value={table}>{t(`tables.${table}`)}</option>
          ))}
        </TextField>
        <FormControl component="fieldset" disabled={busy}>
          <FormLabel component="legend">{t('export.format')}</FormLabel>
          <RadioGroup row value={format} onChange={(e) => setFormat(e.target.value as LogFormat)}>
            <FormControlLabel value="jsonl" control={<Radio />} label={t('export.formats.jsonl')} />
            <FormControlLabel value="csv" control={<Radio />} label={t('export.formats.csv')} />
          </RadioGroup>
        </FormControl>
        <Button variant="contained" onClick={() => void startLog()} disabled={busy || rangeInvalid}>
          {t('export.logStart')}
        </Button>
      </Stack>
      {progress && (
        <Box>
          <LinearProgress variant="determinate" value={percent} aria-label={t('export.progressLabel')} />
          <Typography role="status" variant="body2" sx={{ mt: 1 }}>
            {t('export.progress', { table: t(`tables.${progress.table}`), done: progress.rowsDone, total: progress.rowsTotal })}
          </Typography>
          <Button variant="outlined" color="warning" onClick={() => abort.current?.abort()} sx={{ mt: 1 }}>
            {t('export.cancel')}
          </Button>
        </Box>
      )}
      {outcome && (
        <Alert severity={outcome.severity} role={outcome.severity === 'error' ? 'alert' : 'status'}>
          {outcome.text}
        </Alert>
      )}
    </Stack>
  );
}
