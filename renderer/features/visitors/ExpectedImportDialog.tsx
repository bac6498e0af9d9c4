// Preview of a CSV of expected visitors: the rows that will go in, and every bad row with its field and
// reason. Confirming writes all good rows as a staged import (hidden in short chunks, shown together at the
// end) with progress; a failure, Cancel or a reload leaves nothing half-imported, and the roll call never waits.
import { describeError } from '../../ui/describeError';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportProblemsTable } from '../../ui/ImportProblemsTable';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import LinearProgress from '@mui/material/LinearProgress';
import { CSV_ENCODING_NAMES, type CsvEncoding } from '@shared/csv/decodeCsvBytes';
import type { ExpectedParseResult } from '@shared/visitors/expectedCsv';
import { useDatabase } from '../../db';
import { ImportCancelledError, importExpectedRows } from './expectedImport';
import { useNotify } from '../../ui/notifications/notificationStore';
import { formatDateTime } from './visitFormat';

const PREVIEW_LIMIT = 100;

export interface ExpectedImportPreview {
  fileName: string;
  /** How the file's bytes were read (shown, so a wrong guess would be seen before anything is stored). */
  encoding: CsvEncoding;
  result: ExpectedParseResult;
}

export function ExpectedImportDialog({ preview, onClose }: { preview: ExpectedImportPreview | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation('visitors');
  const db = useDatabase();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  // Every row is in and they are being made visible: the import finishes now, Cancel no longer applies.
  const [publishing, setPublishing] = useState(false);
  const abort = useRef<AbortController | undefined>(undefined);
  const result = preview?.result;
  const good = result?.rows.length ?? 0;
  // Rows the parser could not read and rows with bad fields, in file order.
  const problems = result
    ? [
        ...result.syntaxErrors.map((e) => ({ rowNumber: e.rowNumber, field: t('import.wholeRow'), reason: t(`import.syntax.${e.problem}`), value: e.line })),
        ...result.errors.map((e) => ({ rowNumber: e.rowNumber, field: t(`import.columns.${e.field}`), reason: t(`errors.${e.reason}`), value: e.value })),
      ].sort((a, b) => a.rowNumber - b.rowNumber)
    : [];

  const run = async () => {
    if (!result) return;
    setBusy(true);
    abort.current = new AbortController();
    setProgress({ done: 0, total: good });
    try {
      await importExpectedRows(db, result.rows, { signal: abort.current.signal, onProgress: (done, total) => setProgress({ done, total }), onPublishing: () => setPublishing(true) });
      notify('success', t('import.done', { count: good }));
      onClose();
    } catch (error) {
      if (error instanceof ImportCancelledError) notify('info', t('import.cancelled'));
      else notify('error', t('import.failed', { message: describeError(error) }));
    } finally {
      setBusy(false);
      setProgress(undefined);
      setPublishing(false);
      abort.current = undefined;
    }
  };

  return (
    <Dialog open={preview !== undefined} onClose={busy ? undefined : onClose} aria-labelledby="expected-import-title" fullWidth maxWidth="md">
      <DialogTitle id="expected-import-title">{t('import.title')}</DialogTitle>
      <DialogContent>
        {preview && <Typography variant="body2" color="text.secondary">{preview.fileName}</Typography>}
        {preview && <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="import-encoding">{t('import.encoding', { encoding: CSV_ENCODING_NAMES[preview.encoding] })}</Typography>}
        {result?.problem ? (
          <Alert severity="error">{t(`import.problems.${result.problem}`)}</Alert>
        ) : result ? (
          <>
            <Alert severity={result.badRowCount > 0 ? 'warning' : 'info'} sx={{ mb: 2 }}>{t('import.summary', { good, bad: result.badRowCount })}</Alert>
            {problems.length > 0 && (
              <ImportProblemsTable
                id="expected-bad-rows"
                title={t('import.badRows')}
                headers={{ row: t('import.row'), field: t('import.field'), reason: t('import.reason'), value: t('import.value') }}
                problems={problems}
                limit={PREVIEW_LIMIT}
                more={(count) => t('import.more', { count })}
              />
            )}
            {good > 0 ? (
              <>
                <Typography id="expected-good-rows" variant="subtitle1" component="h3">{t('import.goodRows')}</Typography>
                <Table size="small" aria-labelledby="expected-good-rows">
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('import.row')}</TableCell>
                      <TableCell>{t('import.columns.name')}</TableCell>
                      <TableCell>{t('import.columns.company')}</TableCell>
                      <TableCell>{t('import.columns.host')}</TableCell>
                      <TableCell>{t('import.columns.time')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {result.rows.slice(0, PREVIEW_LIMIT).map((row) => (
                      <TableRow key={row.rowNumber}>
                        <TableCell>{row.rowNumber}</TableCell>
                        <TableCell>{row.input.name}</TableCell>
                        <TableCell>{row.input.company}</TableCell>
                        <TableCell>{row.hostName ?? ''}</TableCell>
                        <TableCell>{formatDateTime(row.input.expectedAt, i18n.language)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                {good > PREVIEW_LIMIT && <Typography variant="body2">{t('import.more', { count: good - PREVIEW_LIMIT })}</Typography>}
              </>
            ) : (
              <Typography>{t('import.nothing')}</Typography>
            )}
          </>
        ) : null}
      </DialogContent>
      {progress && (
        <LinearProgress
          variant={publishing ? 'indeterminate' : 'determinate'}
          value={progress.total ? (progress.done / progress.total) * 100 : 0}
          aria-label={publishing ? t('import.publishing') : t('import.progress', { done: progress.done, total: progress.total })}
          sx={{ mx: 3 }}
        />
      )}
      <DialogActions>
        {/* While importing, Cancel stops the import; everything written so far is rolled back. */}
        <Button onClick={busy ? () => abort.current?.abort() : onClose} disabled={publishing}>{t('actions.cancel')}</Button>
        {!result?.problem && good > 0 && (
          <Button variant="contained" onClick={() => void run()} disabled={busy} autoFocus>{t('import.confirm', { count: good })}</Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
