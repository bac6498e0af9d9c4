// Preview of a CSV import: what will go in, and for every bad row its number, field and reason.
// Confirming writes all good rows as a staged import (hidden in short chunks, shown together at the end), with
// progress and a cancel that leaves nothing; the roll call never waits behind it.
import { describeError } from '../../ui/describeError';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportProblemsTable } from '../../ui/ImportProblemsTable';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { CSV_ENCODING_NAMES, type CsvEncoding } from '@shared/csv/decodeCsvBytes';
import type { DirectoryParseResult, DirectoryRowError } from '@shared/directory/directoryCsv';
import { useDatabase } from '../../db';
import { useNotify } from '../../ui/notifications/notificationStore';
import { ImportCancelledError, importDirectoryRows } from './directoryImport';

/** Rows listed in the preview; the rest are counted. */
const PREVIEW_LIMIT = 100;

export interface ImportPreview {
  fileName: string;
  /** How the file's bytes were read (shown, so a wrong guess would be seen before anything is stored). */
  encoding: CsvEncoding;
  result: DirectoryParseResult;
}

export interface ImportDialogProps {
  preview: ImportPreview | undefined;
  onClose: () => void;
}

export function ImportDialog({ preview, onClose }: ImportDialogProps) {
  const { t } = useTranslation('directory');
  const db = useDatabase();
  const notify = useNotify();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  // Every row is in and they are being made visible: the import finishes now, Cancel no longer applies.
  const [publishing, setPublishing] = useState(false);
  const abortRef = useRef<AbortController | null>(null);
  const result = preview?.result;
  const importing = progress !== undefined;

  const reason = (error: DirectoryRowError) => {
    const text = t(`errors.${error.reason}`);
    if (error.reason === 'duplicateInFile' && error.conflictsWith) return `${text} ${t('import.conflictRow', { row: error.conflictsWith })}`;
    if (error.reason === 'duplicateExtension' && error.conflictsWith) return `${text} ${t('import.conflictPerson', { name: error.conflictsWith })}`;
    return text;
  };

  const run = async () => {
    if (!preview || !result) return;
    const controller = new AbortController();
    abortRef.current = controller;
    setProgress({ done: 0, total: result.rows.length });
    try {
      const outcome = await importDirectoryRows(db, result.rows, {
        signal: controller.signal,
        source: preview.fileName,
        onProgress: (done, total) => setProgress({ done, total }),
        onPublishing: () => setPublishing(true),
      });
      const skipped = result.badRowCount + outcome.skippedRows.length;
      const created = outcome.departmentsCreated > 0 ? `; ${t('import.departmentsCreated', { count: outcome.departmentsCreated })}` : '';
      notify(skipped > 0 ? 'warning' : 'success', t('import.done', { imported: outcome.imported, skipped, file: preview.fileName }) + created);
      onClose();
    } catch (error) {
      if (error instanceof ImportCancelledError) notify('info', t('import.cancelled'));
      else notify('error', t('import.failed', { message: describeError(error) }));
      onClose();
    } finally {
      abortRef.current = null;
      setProgress(undefined);
      setPublishing(false);
    }
  };

  const goodCount = result?.rows.length ?? 0;
  // Rows the parser could not read and rows with bad fields, in file order.
  const problems = result
    ? [
        ...result.syntaxErrors.map((e) => ({ rowNumber: e.rowNumber, field: t('import.wholeRow'), reason: t(`import.syntax.${e.problem}`), value: e.line })),
        ...result.errors.map((error) => ({ rowNumber: error.rowNumber, field: t(`fields.${error.field}`), reason: reason(error), value: error.value })),
      ].sort((a, b) => a.rowNumber - b.rowNumber)
    : [];
  return (
    <Dialog open={preview !== undefined} onClose={importing ? undefined : onClose} aria-labelledby="import-dialog-title" fullWidth maxWidth="md">
      <DialogTitle id="import-dialog-title">{t('import.title')}</DialogTitle>
      <DialogContent>
        {preview && <Typography variant="body2" color="text.secondary">{preview.fileName}</Typography>}
        {preview && <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }} data-testid="import-encoding">{t('import.encoding', { encoding: CSV_ENCODING_NAMES[preview.encoding] })}</Typography>}
        {result?.problem ? (
          <Alert severity="error">{t(`import.problems.${result.problem}`)}</Alert>
        ) : result ? (
          <>
            <Alert severity={result.badRowCount > 0 ? 'warning' : 'info'} sx={{ mb: 2 }}>
              {t('import.summary', { good: goodCount, bad: result.badRowCount })}
              {result.ignoredHeaders.length > 0 && <div>{t('import.ignoredHeaders', { headers: result.ignoredHeaders.join(', ') })}</div>}
            </Alert>
            {problems.length > 0 && (
              <ImportProblemsTable
                id="import-bad-rows"
                title={t('import.badRows')}
                headers={{ row: t('import.row'), field: t('import.field'), reason: t('import.reason'), value: t('import.value') }}
                problems={problems}
                limit={PREVIEW_LIMIT}
                more={(count) => t('import.more', { count })}
              />
            )}
            {goodCount > 0 && (
              <Box component="section" aria-labelledby="import-good-rows">
                <Typography id="import-good-rows" variant="subtitle1" component="h3">{t('import.goodRows')}</Typography>
                <Table size="small" aria-labelledby="import-good-rows">
                  <TableHead>
                    <TableRow>
                      <TableCell>{t('import.row')}</TableCell>
                      <TableCell>{t('fields.name')}</TableCell>
                      <TableCell>{t('fields.department')}</TableCell>
                      <TableCell>{t('fields.title')}</TableCell>
                      <TableCell>{t('fields.extension')}</TableCell>
                      <TableCell>{t('fields.mobile')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {result.rows.slice(0, PREVIEW_LIMIT).map((row) => (
                      <TableRow key={row.rowNumber}>
                        <TableCell>{row.rowNumber}</TableCell>
                        <TableCell>{row.name}</TableCell>
                        <TableCell>{row.department}</TableCell>
                        <TableCell>{row.title}</TableCell>
                        <TableCell>{row.extension}</TableCell>
                        <TableCell>{row.mobile}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
                {goodCount > PREVIEW_LIMIT && <Typography variant="body2">{t('import.more', { count: goodCount - PREVIEW_LIMIT })}</Typography>}
              </Box>
            )}
            {goodCount === 0 && <Typography>{t('import.nothingToImport')}</Typography>}
          </>
        ) : null}
        {progress && (
          <Box sx={{ mt: 2 }} role="status">
            <Typography variant="body2">{publishing ? t('import.publishing') : t('import.progress', progress)}</Typography>
            <LinearProgress
              variant={publishing ? 'indeterminate' : 'determinate'}
              value={progress.total ? (progress.done / progress.total) * 100 : 0}
              aria-label={publishing ? t('import.publishing') : t('import.progress', progress)}
            />
          </Box>
        )}
      </DialogContent>
      <DialogActions>
        {importing ? (
          <Button onClick={() => abortRef.current?.abort()} disabled={publishing}>{t('import.cancel')}</Button>
        ) : (
          <>
            <Button onClick={onClose}>{t('common:actions.cancel')}</Button>
            {!result?.problem && goodCount > 0 && (
              <Button variant="contained" onClick={() => void run()} autoFocus>
                {t('import.confirm', { count: goodCount })}
              </Button>
            )}
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
