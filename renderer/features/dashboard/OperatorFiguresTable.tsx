// Today's answer figures per operator (issue 10: "for a supervisor, the same figures per operator"; the
// regulations tie staff assessment to service figures). Shown only to whom `viewOperatorFigures` allows;
// live like the tiles.
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useDatabase } from '../../db';
import { operatorFigures } from './dashboardFigures';

export function OperatorFiguresTable({ now }: { now: number }) {
  const { t, i18n } = useTranslation('dashboard');
  const db = useDatabase();
  const figures = useLiveQuery(() => operatorFigures(db, now), [db, now]);
  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const seconds = (ms: number | undefined) =>
    ms === undefined ? t('noValue') : t('seconds', { value: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(ms / 1000) });
  const share = (value: number | undefined) => (value === undefined ? t('noValue') : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(value));

  return (
    <Box component="section" aria-labelledby="dashboard-operators">
      <Typography id="dashboard-operators" variant="h6" component="h2">{t('operators.title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('operators.help')}</Typography>
      {figures && figures.rows.length === 0 && <Typography color="text.secondary">{t('operators.empty')}</Typography>}
      {figures && figures.rows.length > 0 && (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={t('operators.tableLabel')}>
            <TableHead>
              <TableRow>
                <TableCell component="th" scope="col">{t('operators.operator')}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('operators.calls')}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('operators.answered')}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('operators.median')}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('operators.p90')}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('operators.within', { seconds: Math.round(figures.targetMs / 1000) })}</TableCell>
                <TableCell component="th" scope="col" align="right">{t('operators.missed')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {figures.rows.map((r) => (
                <TableRow key={r.operatorId}>
                  <TableCell component="th" scope="row">{r.name ?? (r.operatorId ? t('operators.unknown', { id: r.operatorId }) : t('operators.nobody'))}</TableCell>
                  <TableCell align="right">{number(r.total)}</TableCell>
                  <TableCell align="right">{number(r.answered)}</TableCell>
                  <TableCell align="right">{seconds(r.p50Ms)}</TableCell>
                  <TableCell align="right">{seconds(r.p90Ms)}</TableCell>
                  <TableCell align="right">{share(r.withinTargetShare)}</TableCell>
                  <TableCell align="right">{number(r.missed)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
    </Box>
  );
}
