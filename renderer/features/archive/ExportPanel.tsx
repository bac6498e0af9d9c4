// Export an archive bundle: which records, an optional date range, CSV or not; progress and cancel. The ZIP is
// streamed to the bridge (a save dialog in Electron, a download in the browser build); a cancelled or failed
// export leaves no file behind (main writes to a temporary name and renames it at the end).
import { useEffect, useRef, useState } from 'react';
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
import type { IsoWeek } from '@shared/archive/weeklyVolume';
import { useDatabase } from '../../db';
import { weeklyVolumesOf } from '../../db/weeklyVolumeRepository';
import { ARCHIVE_TABLES, archiveBundle, auditBundleExport, auditLogExport, exportLog, volumePath, type ArchiveTable, type ExportProgress, type LogFormat } from '../../db/archive';
import { getBridge, saveExportStream, type SaveExportOutcome } from '../../platform';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/notifications/notificationStore';
import { AppDateField } from '../../ui/dates/DateTimeFields';
import { buildVolumeDocument, type BuiltVolume } from './volumeLabels';

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
  const { t, i18n } = useTranslation('archive');
  const db = useDatabase();
  const notify = useNotify();
  const [chosen, setChosen] = useState<ReadonlySet<ArchiveTable>>(new Set(ARCHIVE_TABLES));
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [withCsv, setWithCsv] = useState(true);
  const [withVolumes, setWithVolumes] = useState(false);
  const [pdf, setPdf] = useState(false);
  useEffect(() => {
    void getBridge()
      .app.info()
      .then((info) => setPdf(info.ok && info.value.capabilities.pdf));
  }, []);
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

  /**
   * Runs one export and shows what came of it: `work` streams the file through the bridge; a saved file is
   * recorded by `onSaved`, which returns the message to show. Cancelled (the dialog, or the Cancel button) and
   * failed exports say so, and nothing is recorded.
   */
  const runExport = async (
    first: ArchiveTable,
    work: (signal: AbortSignal) => Promise<{ saved: SaveExportOutcome; onSaved: (file: string) => Promise<string> }>,
  ) => {
    const controller = new AbortController();
    abort.current = controller;
    setOutcome(null);
    setProgress({ table: first, rowsDone: 0, rowsTotal: 0 });
    try {
      const { saved, onSaved } = await work(controller.signal);
      if (saved.status === 'saved') {
        const file = saved.result.saved === 'file' ? saved.result.path : saved.result.fileName;
        setOutcome({ severity: 'success', text: await onSaved(file) });
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

  const startLog = async () => {
    if (rangeInvalid) return;
    await runExport(log, async (signal) => {
      const { chunks, rows } = exportLog(db, { table: log, format, range, signal, onProgress: setProgress });
      const name = `${t('export.logFileName')}-${log}-${fileStamp(Date.now())}.${format}`;
      const saved = await saveExportStream(getBridge(), name, format === 'csv' ? 'text/csv' : 'application/jsonl', chunks, { signal });
      return {
        saved,
        onSaved: async (file) => {
          await auditLogExport(db, log, format, file, rows());
          return t('export.logSaved', { file, rows: rows() });
        },
      };
    });
  };

  const start = async () => {
    if (chosen.size === 0 || rangeInvalid) return;
    const tables = ARCHIVE_TABLES.filter((table) => chosen.has(table));
    await runExport(tables[0]!, async (signal) => {
      const info = await getBridge().app.info();
      const appVersion = info.ok ? info.value.appVersion : 'unknown';
      // The weekly volumes of the range, rendered to PDF by the bridge; recorded once the bundle is saved.
      const built: { volume: BuiltVolume['volume']; pages: number; bytes: Uint8Array }[] = [];
      const volumes = withVolumes && pdf
        ? {
            weeks: await weeklyVolumesOf(db).weeksWithCalls(range),
            render: async (week: IsoWeek) => {
              const doc = await buildVolumeDocument(db, week, t, i18n.language);
              const rendered = await getBridge().print.toPdf({ html: doc.html, title: doc.title, pageSize: 'A4' });
              if (!rendered.ok) throw new Error(rendered.error.message);
              built.push({ volume: doc.volume, pages: doc.pages, bytes: rendered.value.bytes });
              return { bytes: rendered.value.bytes, calls: doc.volume.totals.calls };
            },
          }
        : undefined;
      const { chunks, result } = archiveBundle(db, { appVersion, tables, range, csv: withCsv, volumes, signal, onProgress: setProgress });
      const name = `${t('export.fileName')}-${fileStamp(Date.now())}.zip`;
      const saved = await saveExportStream(getBridge(), name, 'application/zip', chunks, { signal });
      return {
        saved,
        onSaved: async (file) => {
          const { manifest } = await result;
          await auditBundleExport(db, manifest, file);
          for (const v of built) {
            const path = volumePath(v.volume.week);
            const listed = manifest.files.find((f) => f.path === path);
            if (listed) await weeklyVolumesOf(db).recordProduced({ volume: v.volume, output: 'bundle', sha256: listed.sha256, bytes: listed.bytes, pages: v.pages, fileName: `${file}: ${path}` });
          }
          notify('success', t('export.saved', { file }));
          return t('export.saved', { file });
        },
      };
    });
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
      <Box>
        <FormControlLabel
          control={<Checkbox checked={withVolumes && pdf} onChange={(e) => setWithVolumes(e.target.checked)} disabled={busy || !pdf} slotProps={{ input: { 'aria-describedby': pdf ? undefined : 'export-volumes-unsupported' } }} />}
          label={t('export.withVolumes')}
        />
        {!pdf && (
          <Typography id="export-volumes-unsupported" variant="body2" color="text.secondary" sx={{ pl: 4 }}>
            {t('export.volumesUnsupported')}
          </Typography>
        )}
      </Box>
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
