// Calls and answer times by hour today and by day over the last 7 days (@mui/x-charts, loaded lazily with
// this file so the dashboard's first paint does not wait for the chart library). The figures come from
// the pure statistics of shared/calls/answerStats.ts; the same numbers are in a table for screen readers.
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { BarChart } from '@mui/x-charts/BarChart';
import { Box, Paper, Tab, Tabs, Typography } from '@mui/material';
import { useDatabase } from '../../db';
import { callSeries } from './dashboardFigures';

export default function CallsChart({ now }: { now: number }) {
  const { t, i18n } = useTranslation('dashboard');
  const db = useDatabase();
  const [range, setRange] = useState<'today' | 'week'>('today');
  const series = useLiveQuery(() => callSeries(db, now), [db, now]);
  const buckets = series?.[range] ?? [];
  const label = (start: number) =>
    range === 'today'
      ? new Intl.DateTimeFormat(i18n.language, { hour: '2-digit' }).format(start)
      : new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric' }).format(start);
  const seconds = (ms: number | undefined) => (ms === undefined ? null : Math.round(ms / 100) / 10);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="dashboard-chart" sx={{ p: 1.5 }} data-testid="calls-chart">
      <Typography id="dashboard-chart" variant="h6" component="h2">{t('chart.title')}</Typography>
      <Tabs value={range} onChange={(_e, v: 'today' | 'week') => setRange(v)} aria-label={t('chart.range')}>
        <Tab value="today" label={t('chart.today')} id="chart-tab-today" aria-controls="chart-panel" />
        <Tab value="week" label={t('chart.week')} id="chart-tab-week" aria-controls="chart-panel" />
      </Tabs>
      <Box id="chart-panel" role="tabpanel" aria-labelledby={`chart-tab-${range}`}>
        <Box role="figure" aria-label={t('chart.title')}>
          <BarChart
            height={260}
            xAxis={[{ scaleType: 'band', data: buckets.map((b) => label(b.start)) }]}
            yAxis={[{ id: 'calls', position: 'left' }, { id: 'seconds', position: 'right' }]}
            series={[
              { data: buckets.map((b) => b.calls), label: t('chart.calls'), yAxisId: 'calls' },
              { data: buckets.map((b) => seconds(b.p50Ms)), label: t('chart.p50'), yAxisId: 'seconds' },
              { data: buckets.map((b) => seconds(b.p90Ms)), label: t('chart.p90'), yAxisId: 'seconds' },
            ]}
          />
        </Box>
        <Box component="table" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }} aria-label={t('chart.tableLabel')}>
          <thead><tr><th>{t('chart.when')}</th><th>{t('chart.calls')}</th><th>{t('chart.p50')}</th><th>{t('chart.p90')}</th></tr></thead>
          <tbody>
            {buckets.filter((b) => b.calls > 0).map((b) => (
              <tr key={b.start}><td>{label(b.start)}</td><td>{b.calls}</td><td>{seconds(b.p50Ms) ?? '–'}</td><td>{seconds(b.p90Ms) ?? '–'}</td></tr>
            ))}
          </tbody>
        </Box>
      </Box>
    </Paper>
  );
}
