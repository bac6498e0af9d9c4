// Verify a bundle without importing it, then preview and apply a restore (renderer/db/archive/restoreBundle.ts):
// the preview stages the new rows out of sight; only "Restore" changes what the screens read, in one
// transaction. Leaving the screen, discarding or a reload leaves the database as it was.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useDatabase } from '../../db';
import { ARCHIVE_TABLES, applyRestore, discardStagedRestores, previewRestore, verifyBundle, type ArchiveTable, type RestorePreview, type VerifyOutcome } from '../../db/archive';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/notifications/notificationStore';

type Step =
  | { step: 'idle' }
  | { step: 'working'; label: string }
  | { step: 'verified'; file: File; outcome: VerifyOutcome }
  | { step: 'previewed'; file: File; outcome: Extract<VerifyOutcome, { status: 'verified' }>; preview: RestorePreview }
  | { step: 'done'; text: string; severity: 'success' | 'error' | 'info' };

export function RestorePanel() {
  const { t, i18n } = useTranslation('archive');
  const db = useDatabase();
  const notify = useNotify();
  const [state, setState] = useState<Step>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);

  // A restore that was previewed but never applied (the page was left or reloaded) leaves staged rows: drop them.
  useEffect(() => {
    void discardStagedRestores(db).catch(() => undefined);
    return () => void discardStagedRestores(db).catch(() => undefined);
  }, [db]);

  const verify = async (file: File) => {
    setState({ step: 'working', label: t('restore.verifying') });
    try {
      setState({ step: 'verified', file, outcome: await verifyBundle(file.stream()) });
    } catch (error) {
      setState({ step: 'done', severity: 'error', text: t('restore.failed', { message: describeError(error) }) });
    }
  };

  const preview = async (file: File, outcome: Extract<VerifyOutcome, { status: 'verified' }>) => {
    setState({ step: 'working', label: t('restore.previewing') });
    try {
      setState({ step: 'previewed', file, outcome, preview: await previewRestore(db, file.stream(), outcome.manifest) });
    } catch (error) {
      setState({ step: 'done', severity: 'error', text: t('restore.failed', { message: describeError(error) }) });
    }
  };

  const apply = async (file: File, restoreId: string) => {
    setState({ step: 'working', label: t('restore.previewing') });
    try {
      const applied = await applyRestore(db, restoreId, file.name);
      const text = [t('restore.applied', { count: applied.added }), applied.skipped ? t('restore.skipped', { count: applied.skipped }) : ''].filter(Boolean).join(' ');
      notify('success', text);
      setState({ step: 'done', severity: 'success', text });
    } catch (error) {
      await discardStagedRestores(db).catch(() => undefined);
      setState({ step: 'done', severity: 'error', text: t('restore.failed', { message: describeError(error) }) });
    }
  };

  const discard = async () => {
    await discardStagedRestores(db).catch(() => undefined);
    setState({ step: 'idle' });
  };

  const time = (at: number) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);
  const tableName = (table: string) => (ARCHIVE_TABLES.includes(table as ArchiveTable) ? t(`tables.${table as ArchiveTable}`) : table);

  return (
    <Stack spacing={2} sx={{ maxWidth: 960 }}>
      <Typography>{t('restore.intro')}</Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Button variant="contained" onClick={() => input.current?.click()} disabled={state.step === 'working' || state.step === 'previewed'}>
          {t('restore.choose')}
        </Button>
        <Typography variant="body2" color="text.secondary">{t('restore.chooseHint')}</Typography>
        <input
          ref={input}
          type="file"
          accept=".zip,application/zip"
          aria-label={t('restore.choose')}
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void verify(file);
          }}
        />
      </Stack>

      {state.step === 'working' && (
        <Stack spacing={1}>
          <LinearProgress aria-label={state.label} />
          <Typography role="status">{state.label}</Typography>
        </Stack>
      )}

      {state.step === 'verified' && state.outcome.status === 'unreadable' && (
        <Alert severity="error" role="alert">{t(`restore.unreadable.${state.outcome.problem}`, { detail: state.outcome.detail ?? '' })}</Alert>
      )}
      {state.step === 'verified' && state.outcome.status === 'damaged' && (
        <Alert severity="error" role="alert">
          {t('restore.damaged')}
          <ul>
            {state.outcome.report.problems.map((p, i) => (
              <li key={i}>{t(`restore.problem.${p.problem}`, { ...p })}</li>
            ))}
          </ul>
        </Alert>
      )}
      {(state.step === 'verified' || state.step === 'previewed') && state.outcome.status === 'verified' && (
        <Stack spacing={2}>
          <Alert severity="success" role="status">
            {t('restore.verified', { files: state.outcome.report.matching })}
            <br />
            {t('restore.createdAt', { time: time(state.outcome.manifest.createdAt), app: state.outcome.manifest.appVersion, schema: state.outcome.manifest.schemaVersion })}
          </Alert>
          {state.step === 'verified' && (
            <>
              <Table size="small" aria-label={t('restore.rowsTable')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('restore.table')}</TableCell>
                    <TableCell align="right">{t('restore.rows')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {Object.entries(state.outcome.report.rowsByTable).map(([table, rows]) => (
                    <TableRow key={table}>
                      <TableCell>{tableName(table)}</TableCell>
                      <TableCell align="right">{rows}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Stack direction="row" spacing={2}>
                <Button variant="contained" onClick={() => state.outcome.status === 'verified' && void preview(state.file, state.outcome)}>
                  {t('restore.preview')}
                </Button>
                <Button onClick={() => setState({ step: 'idle' })}>{t('restore.cancel')}</Button>
              </Stack>
            </>
          )}
        </Stack>
      )}

      {state.step === 'previewed' && state.preview.status === 'refused' && (
        <Alert severity="error" role="alert">
          {t(`restore.refused.${state.preview.problem}`, { table: tableName(state.preview.table ?? ''), line: state.preview.line ?? 0, detail: state.preview.detail ?? '' })}
        </Alert>
      )}
      {state.step === 'previewed' && state.preview.status === 'ready' && (
        <Stack spacing={2}>
          <Table size="small" aria-label={t('restore.previewTable')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('restore.table')}</TableCell>
                <TableCell align="right">{t('restore.added')}</TableCell>
                <TableCell align="right">{t('restore.identical')}</TableCell>
                <TableCell align="right">{t('restore.conflicts')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {Object.entries(state.preview.tables).map(([table, counts]) => (
                <TableRow key={table}>
                  <TableCell>{tableName(table)}</TableCell>
                  <TableCell align="right">{counts.added}</TableCell>
                  <TableCell align="right">{counts.identical}</TableCell>
                  <TableCell align="right">{counts.conflicts}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {state.preview.conflicts > 0 && <Alert severity="warning">{t('restore.conflictNote', { count: state.preview.conflicts })}</Alert>}
          {state.preview.added === 0 ? (
            <Alert severity="info" role="status">{t('restore.nothingToAdd')}</Alert>
          ) : null}
          <Stack direction="row" spacing={2}>
            {state.preview.added > 0 && (
              <Button variant="contained" color="warning" onClick={() => state.preview.status === 'ready' && void apply(state.file, state.preview.restoreId)}>
                {t('restore.apply', { count: state.preview.added })}
              </Button>
            )}
            <Button onClick={() => void discard()}>{t('restore.discard')}</Button>
          </Stack>
        </Stack>
      )}
      {state.step === 'done' && (
        <Alert severity={state.severity} role={state.severity === 'error' ? 'alert' : 'status'}>{state.text}</Alert>
      )}
    </Stack>
  );
}
