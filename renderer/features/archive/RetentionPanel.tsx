// Retention (shared/archive/retention.ts, renderer/db/archive/retention.ts): the periods per kind of record,
// a dry run against the bundle that archives them, and the destruction once confirmed.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { RETENTION_KINDS, retentionPeriods, type RetentionKind, type RetentionPeriods } from '@shared/archive/retention';
import { repositoriesOf, useDatabase } from '../../db';
import { applyRetention, planRetention, verifyBundle, type RetentionPlan } from '../../db/archive';
import { describeError } from '../../ui/describeError';
import { useNotify } from '../../ui/notifications/notificationStore';

export const RETENTION_SETTING = 'retention.periods';

type Fields = Record<RetentionKind, string>;
const toFields = (periods: RetentionPeriods): Fields =>
  Object.fromEntries(RETENTION_KINDS.map((k) => [k, periods[k] === null ? '' : String(periods[k])])) as Fields;
const valid = (value: string) => value.trim() === '' || (/^\d+$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= 36_500);

export function RetentionPanel() {
  const { t } = useTranslation('archive');
  const db = useDatabase();
  const notify = useNotify();
  const [fields, setFields] = useState<Fields | null>(null);
  const [work, setWork] = useState<string | null>(null);
  const [plan, setPlan] = useState<{ plan: RetentionPlan; file: string } | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [message, setMessage] = useState<{ severity: 'success' | 'error' | 'info'; text: string } | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void repositoriesOf(db).settings.getValue<Record<string, unknown>>(RETENTION_SETTING).then((stored) => setFields(toFields(retentionPeriods(stored))));
  }, [db]);

  const periodsOf = (f: Fields): RetentionPeriods =>
    Object.fromEntries(RETENTION_KINDS.map((k) => [k, f[k].trim() === '' ? null : Number(f[k])])) as RetentionPeriods;
  const allValid = fields !== null && RETENTION_KINDS.every((k) => valid(fields[k]));

  const save = async () => {
    if (!fields || !allValid) return;
    await repositoriesOf(db).settings.setValue(RETENTION_SETTING, periodsOf(fields), 'site');
    setMessage({ severity: 'success', text: t('retention.saved') });
  };

  const dryRun = async (file: File) => {
    if (!fields || !allValid) return;
    setPlan(null);
    setConfirmed(false);
    setMessage(null);
    setWork(t('retention.planning'));
    try {
      const verified = await verifyBundle(file.stream());
      if (verified.status !== 'verified') {
        const problem = verified.status === 'unreadable' ? t(`restore.unreadable.${verified.problem}`, { detail: verified.detail ?? '' }) : t('restore.damaged');
        setMessage({ severity: 'error', text: t('retention.refused', { problem }) });
        return;
      }
      const outcome = await planRetention(db, file.stream(), verified.manifest, periodsOf(fields));
      if (outcome.status === 'refused') setMessage({ severity: 'error', text: t('retention.refused', { problem: t(`restore.refused.${outcome.problem}`, { table: outcome.table ?? '', line: outcome.line ?? 0, detail: '' }) }) });
      else setPlan({ plan: outcome.plan, file: file.name });
    } catch (error) {
      setMessage({ severity: 'error', text: t('retention.failed', { message: describeError(error) }) });
    } finally {
      setWork(null);
    }
  };

  const destroy = async () => {
    if (!plan) return;
    setWork(t('retention.planning'));
    try {
      const done = await applyRetention(db, plan.plan, plan.file);
      const text = t('retention.done', { destroyed: done.destroyed, redacted: done.redacted });
      notify('success', text);
      setMessage({ severity: 'success', text });
      setPlan(null);
    } catch (error) {
      setMessage({ severity: 'error', text: t('retention.failed', { message: describeError(error) }) });
    } finally {
      setWork(null);
    }
  };

  const toDestroy = plan ? Object.values(plan.plan.destroy).reduce((n, ids) => n + (ids?.length ?? 0), 0) + plan.plan.redactIdNumbers.length : 0;
  const kept = plan ? RETENTION_KINDS.reduce((n, k) => n + plan.plan.byKind[k].kept, 0) : 0;

  return (
    <Stack spacing={2} sx={{ maxWidth: 960 }}>
      <Typography>{t('retention.intro')}</Typography>
      <Typography variant="h6" component="h2">{t('retention.periods')}</Typography>
      {fields && (
        <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 2 }}>
          {RETENTION_KINDS.map((kind) => (
            <TextField
              key={kind}
              label={t(`retention.kinds.${kind}`)}
              value={fields[kind]}
              onChange={(e) => setFields({ ...fields, [kind]: e.target.value })}
              error={!valid(fields[kind])}
              helperText={!valid(fields[kind]) ? t('retention.invalid') : kind === 'auditLog' ? t('retention.keepForever') : ' '}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              sx={{ width: 220 }}
            />
          ))}
        </Stack>
      )}
      <Stack direction="row" spacing={2}>
        <Button variant="outlined" onClick={() => void save()} disabled={!allValid || work !== null}>{t('retention.save')}</Button>
        <Button variant="contained" onClick={() => input.current?.click()} disabled={!allValid || work !== null}>{t('retention.choose')}</Button>
        <input
          ref={input}
          type="file"
          accept=".zip,application/zip"
          aria-label={t('retention.choose')}
          hidden
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void dryRun(file);
          }}
        />
      </Stack>
      {work && (
        <Stack spacing={1}>
          <LinearProgress aria-label={work} />
          <Typography role="status">{work}</Typography>
        </Stack>
      )}
      {plan && (
        <Stack spacing={2}>
          <Table size="small" aria-label={t('retention.planTable')}>
            <TableHead>
              <TableRow>
                <TableCell>{t('retention.kind')}</TableCell>
                <TableCell align="right">{t('retention.expired')}</TableCell>
                <TableCell align="right">{t('retention.archived')}</TableCell>
                <TableCell align="right">{t('retention.kept')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {RETENTION_KINDS.map((kind) => (
                <TableRow key={kind}>
                  <TableCell>{t(`retention.kinds.${kind}`)}</TableCell>
                  <TableCell align="right">{plan.plan.byKind[kind].expired}</TableCell>
                  <TableCell align="right">{plan.plan.byKind[kind].archived}</TableCell>
                  <TableCell align="right">{plan.plan.byKind[kind].kept}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {kept > 0 && <Alert severity="warning">{t('retention.keptNote', { count: kept })}</Alert>}
          {toDestroy === 0 ? (
            <Alert severity="info" role="status">{t('retention.nothing')}</Alert>
          ) : (
            <>
              <FormControlLabel control={<Checkbox checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />} label={t('retention.confirm')} />
              <Button variant="contained" color="error" onClick={() => void destroy()} disabled={!confirmed || work !== null} sx={{ alignSelf: 'flex-start' }}>
                {t('retention.destroy', { count: toDestroy })}
              </Button>
            </>
          )}
        </Stack>
      )}
      {message && <Alert severity={message.severity} role={message.severity === 'error' ? 'alert' : 'status'}>{message.text}</Alert>}
    </Stack>
  );
}
