// The Archive screen's "Weekly volumes" tab (issue 12 item 2): choose an ISO week, see its totals per day,
// and produce its volume: a PDF through the bridge (print.toPdf, the desktop app) saved like an export, or
// the print dialog (the browser build, which cannot write a PDF itself). Every volume produced is recorded
// with the SHA-256 of what left the desk (the PDF's bytes, or the printed document) and listed here.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { formatIsoWeek, isoWeekOf, parseIsoWeek, shiftIsoWeek, type IsoWeek, type WeeklyVolume } from '@shared/archive/weeklyVolume';
import { useDatabase, type WeeklyVolumeRecord } from '../../db';
// Not in renderer/db's index, which the first screen loads: the weekly volumes load with the archive.
import { weeklyVolumesOf } from '../../db/weeklyVolumeRepository';
import { getBridge, printDocument, saveExportStream } from '../../platform';
import { describeError } from '../../ui/describeError';
import { buildVolumeDocument } from './volumeLabels';

type Outcome = { severity: 'success' | 'info' | 'error'; text: string };

export function WeeklyVolumesPanel() {
  const { t, i18n } = useTranslation('archive');
  const db = useDatabase();
  const [weekText, setWeekText] = useState(() => formatIsoWeek(isoWeekOf(Date.now())));
  const week = parseIsoWeek(weekText);
  const weekKey = week ? formatIsoWeek(week) : '';
  const [volume, setVolume] = useState<WeeklyVolume | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [pdf, setPdf] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [produced, setProduced] = useState<WeeklyVolumeRecord[]>([]);
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  const day = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', month: 'numeric', day: 'numeric' });
  const stamp = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const seconds = (ms: number | undefined) => (ms === undefined ? t('volumes.doc.none') : t('volumes.doc.seconds', { count: Math.round(ms / 100) / 10 }));

  const loadProduced = useCallback(async () => {
    try {
      setProduced(await weeklyVolumesOf(db).recent());
    } catch (error) {
      setLoadError(describeError(error));
    }
  }, [db]);

  useEffect(() => {
    void loadProduced();
    void getBridge()
      .app.info()
      .then((info) => setPdf(info.ok && info.value.capabilities.pdf));
  }, [loadProduced]);

  useEffect(() => {
    if (!weekKey) {
      setVolume(null);
      return;
    }
    let live = true;
    setVolume(null);
    setLoadError(null);
    weeklyVolumesOf(db).volumeOf(parseIsoWeek(weekKey)!)
      .then((v) => live && setVolume(v))
      .catch((error: unknown) => live && setLoadError(describeError(error)));
    return () => {
      live = false;
    };
  }, [db, weekKey]);

  const step = (by: number) => setWeekText(formatIsoWeek(shiftIsoWeek(week ?? isoWeekOf(Date.now()), by)));

  const produce = async (how: 'pdf' | 'print', chosen: IsoWeek) => {
    setBusy(true);
    setOutcome(null);
    const name = formatIsoWeek(chosen);
    try {
      const built = await buildVolumeDocument(db, chosen, t, i18n.language);
      const repo = weeklyVolumesOf(db);
      if (how === 'pdf') {
        const rendered = await getBridge().print.toPdf({ html: built.html, title: built.title, pageSize: 'A4' });
        if (!rendered.ok) {
          setOutcome({ severity: 'error', text: t('volumes.failed', { message: rendered.error.message }) });
          return;
        }
        const bytes = rendered.value.bytes;
        const saved = await saveExportStream(getBridge(), `${t('volumes.fileName')}-${name}.pdf`, 'application/pdf', [bytes]);
        if (saved.status === 'saved') {
          const file = saved.result.saved === 'file' ? saved.result.path : saved.result.fileName;
          await repo.recordProduced({ volume: built.volume, output: 'pdf', sha256: bytesToHex(sha256(bytes)), bytes: bytes.byteLength, pages: built.pages, fileName: file });
          setOutcome({ severity: 'success', text: t('volumes.saved', { week: name, file }) });
        } else if (saved.status === 'cancelled') setOutcome({ severity: 'info', text: t('volumes.cancelled') });
        else setOutcome({ severity: 'error', text: t('volumes.failed', { message: saved.error.message }) });
      } else {
        const printed = await printDocument(getBridge(), { html: built.html, title: built.title, pageSize: 'A4' });
        if (printed.status === 'printed') {
          const bytes = new TextEncoder().encode(built.html);
          await repo.recordProduced({ volume: built.volume, output: 'print', sha256: bytesToHex(sha256(bytes)), bytes: bytes.byteLength, pages: built.pages });
          setOutcome({ severity: 'success', text: t('volumes.printed', { week: name }) });
        } else if (printed.status === 'cancelled') setOutcome({ severity: 'info', text: t('volumes.cancelled') });
        else setOutcome({ severity: 'error', text: t('volumes.failed', { message: printed.error.message }) });
      }
      await loadProduced();
    } catch (error) {
      setOutcome({ severity: 'error', text: t('volumes.failed', { message: describeError(error) }) });
    } finally {
      setBusy(false);
    }
  };

  const invalid = week === undefined;
  return (
    <Stack spacing={2} sx={{ maxWidth: 1100 }}>
      <Typography>{t('volumes.intro')}</Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 2 }}>
        <Button variant="outlined" onClick={() => step(-1)} disabled={busy}>
          {t('volumes.previous')}
        </Button>
        <TextField
          label={t('volumes.week')}
          value={weekText}
          onChange={(e) => setWeekText(e.target.value)}
          error={invalid}
          helperText={invalid ? t('volumes.weekInvalid') : volume ? t('volumes.range', { from: date.format(volume.from), to: date.format(volume.to - 43_200_000) }) : t('volumes.weekHint')}
          disabled={busy}
          slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
        />
        <Button variant="outlined" onClick={() => step(1)} disabled={busy}>
          {t('volumes.next')}
        </Button>
      </Stack>
      {loadError && <Alert severity="error" role="alert">{t('volumes.failed', { message: loadError })}</Alert>}
      {week && !volume && !loadError && <Typography role="status">{t('volumes.loading')}</Typography>}
      {volume && (
        <>
          <Typography role="status" data-testid="volume-summary">
            {t('volumes.summary', { calls: volume.totals.calls, answered: volume.totals.answered, missed: volume.totals.missed })}
          </Typography>
          <Table size="small" aria-label={t('volumes.daysTable')}>
            <TableHead>
              <TableRow>
                {(['day', 'calls', 'answered', 'missed', 'p50', 'p90'] as const).map((c) => (
                  <TableCell key={c} scope="col">{t(`volumes.columns.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {volume.days.map((d) => (
                <TableRow key={d.start}>
                  <TableCell component="th" scope="row">{day.format(d.start)}</TableCell>
                  <TableCell>{d.totals.calls}</TableCell>
                  <TableCell>{d.totals.answered}</TableCell>
                  <TableCell>{d.totals.missed}</TableCell>
                  <TableCell>{seconds(d.totals.p50Ms)}</TableCell>
                  <TableCell>{seconds(d.totals.p90Ms)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </>
      )}
      <Stack direction="row" spacing={2}>
        <Button variant="contained" onClick={() => week && void produce('pdf', week)} disabled={busy || invalid || !pdf}>
          {t('volumes.savePdf')}
        </Button>
        <Button variant="outlined" onClick={() => week && void produce('print', week)} disabled={busy || invalid}>
          {t('volumes.print')}
        </Button>
      </Stack>
      {!pdf && <Alert severity="info">{t('volumes.pdfUnsupported')}</Alert>}
      {outcome && (
        <Alert severity={outcome.severity} role={outcome.severity === 'error' ? 'alert' : 'status'}>
          {outcome.text}
        </Alert>
      )}
      <Typography variant="h6" component="h2" id="volumes-produced-title">{t('volumes.listTitle')}</Typography>
      {produced.length === 0 ? (
        <Typography>{t('volumes.empty')}</Typography>
      ) : (
        <Table size="small" aria-labelledby="volumes-produced-title">
          <TableHead>
            <TableRow>
              {(['createdAt', 'week', 'output', 'pages', 'calls', 'file', 'sha256'] as const).map((c) => (
                <TableCell key={c} scope="col">{t(`volumes.columns.${c}`)}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {produced.map((r) => (
              <TableRow key={r.id} data-volume-id={r.id}>
                <TableCell>{stamp.format(r.createdAt)}</TableCell>
                <TableCell>{r.week}</TableCell>
                <TableCell>{t(`volumes.outputs.${r.output}`)}</TableCell>
                <TableCell>{r.pages}</TableCell>
                <TableCell>{r.calls}</TableCell>
                <TableCell>{r.fileName ?? ''}</TableCell>
                <TableCell sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>{r.sha256}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Stack>
  );
}
