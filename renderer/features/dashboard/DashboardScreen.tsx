// Today at a glance (docs/REQUIREMENTS.md §7). Live: every figure is a Dexie live query, so a check-in, a
// call ending or a complaint answered anywhere shows here at once; a clock tick moves "today" and the
// overdue flags along. Each tile is a link to the screen where the desk acts on it, and its accessible
// name carries the figure, so a screen reader hears "On site now: 3, 5 people".
import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';
import { useDatabase } from '../../db';
import type { ScreenId } from '../../ui/navigation';
import { openRollCall } from '../rollcall';
import { dashboardFigures } from './dashboardFigures';
import { EquipmentLog } from '../equipment';
import { useCan } from '../signin';
import { OperatorFiguresTable } from './OperatorFiguresTable';

// The chart library loads with its own chunk, after the tiles are on screen.
// The chart's chunk may fail to load (the browser build offline): the dashboard and its roll call stay.
const CallsChart = lazy(() => import('./CallsChart').catch(() => ({ default: ChartUnavailable })));

function ChartUnavailable() {
  const { t } = useTranslation('dashboard');
  return <Typography color="text.secondary" role="status">{t('chartUnavailable')}</Typography>;
}

/** How often "now" moves on: overdue flags and the day boundary follow the clock, not only the data. */
const TICK_MS = 30_000;

interface TileProps {
  id: string;
  label: string;
  value: string;
  detail?: string;
  screen: ScreenId;
  alert?: boolean;
}

function Tile({ id, label, value, detail, screen, alert }: TileProps) {
  const { t } = useTranslation('dashboard');
  const name = detail ? t('tileLabelDetail', { label, value, detail }) : t('tileLabel', { label, value });
  return (
    <Card component="li" variant="outlined" sx={{ listStyle: 'none', borderColor: alert ? 'error.main' : undefined }}>
      <CardActionArea component="a" href={`#/${screen}`} aria-label={name} title={t('opens', { screen: t(`common:nav.${screen}`) })} data-tile={id} sx={{ height: '100%' }}>
        <CardContent>
          {/* The spaces between the blocks keep the visible words apart, so the tile's name (label, figure,
              detail) contains its visible text word for word (WCAG 2.5.3, label in name). */}
          <Typography variant="body2" color="text.secondary">{label}</Typography>{' '}
          <Typography variant="h4" component="p" data-figure color={alert ? 'error' : undefined}>{value}</Typography>{' '}
          {detail && <Typography variant="body2" color="text.secondary">{detail}</Typography>}
        </CardContent>
      </CardActionArea>
    </Card>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Box component="section" aria-labelledby={`dashboard-${id}`}>
      <Typography id={`dashboard-${id}`} variant="h6" component="h2" sx={{ mb: 1 }}>{title}</Typography>
      <Box component="ul" sx={{ p: 0, m: 0, display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))' }}>
        {children}
      </Box>
    </Box>
  );
}

export function DashboardScreen() {
  const { t, i18n } = useTranslation('dashboard');
  const db = useDatabase();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  const figures = useLiveQuery(() => dashboardFigures(db, now), [db, now]);
  const seesOperators = useCan('viewOperatorFigures');

  const number = (value: number) => new Intl.NumberFormat(i18n.language).format(value);
  const seconds = (ms: number | undefined) =>
    ms === undefined ? t('noValue') : t('seconds', { value: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(ms / 1000) });
  const people = (count: number) => t('details.people', { count });

  return (
    <Box component="section" aria-labelledby="dashboard-title" sx={{ display: 'flex', flexDirection: 'column', gap: 3, p: { xs: 2, md: 4 } }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography id="dashboard-title" variant="h5" component="h1">{t('title')}</Typography>
        <Typography color="text.secondary" role="status">
          {t('updated', { time: new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(now) })}
        </Typography>
        <Box sx={{ flex: 1 }} />
        <Button variant="contained" color="error" startIcon={<CampaignOutlinedIcon />} onClick={openRollCall} title="Ctrl+E">
          {t('rollCall')}
        </Button>
      </Stack>

      {figures && (
        <>
          <Section id="visitors" title={t('sections.visitors')}>
            <Tile id="visitorsToday" screen="visitors" label={t('tiles.visitorsToday')} value={number(figures.visitorsToday.visits)} detail={people(figures.visitorsToday.people)} />
            <Tile id="onSite" screen="visitors" label={t('tiles.onSite')} value={number(figures.onSiteNow.visits)} detail={people(figures.onSiteNow.people)} />
            <Tile id="overdue" screen="visitors" label={t('tiles.overdue')} value={number(figures.overdueVisits)} detail={t('details.overdue')} alert={figures.overdueVisits > 0} />
            <Tile id="expected" screen="visitors" label={t('tiles.expected')} value={number(figures.expectedToArrive.visits)} detail={people(figures.expectedToArrive.people)} />
          </Section>
          <Section id="complaints" title={t('sections.complaints')}>
            <Tile
              id="complaints"
              screen="visitors"
              label={t('tiles.complaints')}
              value={number(figures.complaints.open)}
              detail={t('details.complaintsOverdue', { count: figures.complaints.overdue })}
              alert={figures.complaints.overdue > 0}
            />
          </Section>
          <Section id="parcels" title={t('sections.parcels')}>
            <Tile id="parcelsToday" screen="parcels" label={t('tiles.parcelsToday')} value={number(figures.parcels.receivedToday)} />
            <Tile id="parcelsWaiting" screen="parcels" label={t('tiles.parcelsWaiting')} value={number(figures.parcels.waiting)} />
            <Tile id="parcelsUrgent" screen="parcels" label={t('tiles.parcelsUrgent')} value={number(figures.parcels.urgentWaiting)} alert={figures.parcels.urgentWaiting > 0} />
            <Tile id="parcelsOverdue" screen="parcels" label={t('tiles.parcelsOverdue')} value={number(figures.parcels.overdue)} alert={figures.parcels.overdue > 0} />
          </Section>
          <Section id="calls" title={t('sections.calls')}>
            <Tile id="calls" screen="switchboard" label={t('tiles.calls')} value={number(figures.calls.total)} detail={t('details.answered', { count: figures.calls.answered })} />
            <Tile id="answerMedian" screen="switchboard" label={t('tiles.answerMedian')} value={seconds(figures.calls.answerMedianMs)} detail={t('details.answerTime')} />
            <Tile id="answerP90" screen="switchboard" label={t('tiles.answerP90')} value={seconds(figures.calls.answerP90Ms)} detail={t('details.answerTime')} />
            <Tile id="abandoned" screen="switchboard" label={t('tiles.abandoned')} value={number(figures.calls.abandoned)} detail={t('details.abandoned')} alert={figures.calls.abandoned > 0} />
            <Tile id="missed" screen="switchboard" label={t('tiles.missed')} value={number(figures.calls.missed)} detail={t('details.missed')} alert={figures.calls.missed > 0} />
            <Tile
              id="withinTarget"
              screen="switchboard"
              label={t('tiles.withinTarget')}
              value={figures.calls.withinTargetShare === undefined ? t('noValue') : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(figures.calls.withinTargetShare)}
              detail={t('details.withinTarget', { seconds: Math.round(figures.calls.targetMs / 1000) })}
            />
          </Section>
          <Section id="messages" title={t('sections.messages')}>
            <Tile id="messages" screen="messages" label={t('tiles.messages')} value={number(figures.messages.open)} detail={t('details.messagesOverdue', { count: figures.messages.overdue })} alert={figures.messages.overdue > 0} />
            <Tile id="faults" screen="dashboard" label={t('tiles.faults')} value={number(figures.faults.open)} detail={t('details.faultCandidates', { count: figures.faults.candidates })} alert={figures.faults.open > 0} />
          </Section>
        </>
      )}
      {figures && seesOperators && <OperatorFiguresTable now={now} />}
      <Suspense fallback={null}>
        <CallsChart now={now} />
      </Suspense>
      <EquipmentLog />
    </Box>
  );
}
