// The visitor log (来访登记, docs/REQUIREMENTS.md §1), keyboard first. The desk tab holds the registration
// form (cursor in "name" on arrival, Ctrl+R to come back to it), the arrival panel with whom to notify,
// the check-out box a badge scanner types into (Ctrl+O) and the live on-site board. Other tabs: expected
// visitors, the end-of-day list, the watchlist and suggestions & complaints. Ctrl+E opens the emergency
// roll call from anywhere on this screen. Tabs stay mounted, so switching never loses a half-filled form.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import CampaignOutlinedIcon from '@mui/icons-material/CampaignOutlined';
import type { Staff } from '@shared/domain/directory';
import { useDatabase, type CheckInResult } from '../../db';
import { useShortcut } from '../../ui/shortcuts/ShortcutProvider';
import { recordMetric } from '../../platform/metrics';
import { useFocusTargetRef } from '../../ui/focus/useFocusTarget';
import { BadgeDialog } from '../badges';
import { openRollCall } from '../rollcall';
import { ComplaintsPanel } from '../complaints';
import { RegistrationForm } from './RegistrationForm';
import { ArrivalPanel, type Arrival } from './ArrivalPanel';
import { CheckOutBox } from './CheckOutBox';
import { OnSiteBoard } from './OnSiteBoard';
import { ExpectedPanel } from './ExpectedPanel';
import { EndOfDayPanel } from './EndOfDayPanel';
import { WatchlistPanel } from './WatchlistPanel';
import { useOnSite } from './onSiteQuery';
import { useWatchlistClearance } from './useWatchlistClearance';
import { announceArrival } from './hostNotification';

const TABS = ['desk', 'expected', 'endOfDay', 'watchlist', 'complaints'] as const;
type TabId = (typeof TABS)[number];

function TabPanel({ id, current, children }: { id: TabId; current: TabId; children: ReactNode }) {
  return (
    <Box role="tabpanel" id={`visitors-panel-${id}`} aria-labelledby={`visitors-tab-${id}`} hidden={current !== id} sx={{ flex: 1, minHeight: 0, overflow: 'auto', pt: 2 }}>
      {children}
    </Box>
  );
}

export function VisitorsScreen() {
  const { t } = useTranslation('visitors');
  const db = useDatabase();
  const [tab, setTab] = useState<TabId>('desk');
  const [arrival, setArrival] = useState<Arrival>();
  const [badgeVisitId, setBadgeVisitId] = useState<string>();
  const nameRef = useRef<HTMLInputElement>(null);
  const checkOutRef = useRef<HTMLInputElement>(null);
  const onSite = useOnSite(db);
  const { checkIn: clearedCheckIn, dialog: alertDialog } = useWatchlistClearance(db);

  useEffect(() => {
    nameRef.current?.focus();
  }, []);

  // Bench figure: screen mounted → on-site board data loaded.
  const mountedAt = useRef(performance.now());
  const boardMeasured = useRef(false);
  useEffect(() => {
    if (onSite && !boardMeasured.current) {
      boardMeasured.current = true;
      recordMetric('onSiteBoardMs', performance.now() - mountedAt.current);
    }
  }, [onSite]);

  // Both fields are on the desk tab: the shortcut shows it, and the field takes the cursor (with its
  // text selected) once the tab panel is visible.
  useFocusTargetRef('visitors.name', nameRef, { select: true });
  useFocusTargetRef('visitors.checkOut', checkOutRef, { select: true });
  useShortcut({
    id: 'visitors.newRegistration', keys: 'Ctrl+R', descriptionKey: 'visitors:shortcuts.newRegistration', groupKey: 'visitors:shortcuts.group',
    focusTarget: 'visitors.name', handler: () => setTab('desk'),
  });
  useShortcut({
    id: 'visitors.checkOut', keys: 'Ctrl+O', descriptionKey: 'visitors:shortcuts.checkOut', groupKey: 'visitors:shortcuts.group',
    focusTarget: 'visitors.checkOut', handler: () => setTab('desk'),
  });

  const onCheckedIn = (result: CheckInResult, host: Staff | undefined) => {
    setArrival({ visitId: result.visit.id, visitor: result.visitor, host });
    if (host) {
      const title = t('arrival.desktopTitle');
      const body = t('arrival.desktopBody', { name: result.visitor.name, host: host.name, extension: host.extension ?? '—' });
      announceArrival({ title, body, summary: t('arrival.inAppSummary', { title, body }) });
    }
  };

  return (
    <Box component="section" aria-labelledby="visitors-title" sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, p: { xs: 2, md: 3 }, boxSizing: 'border-box' }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography id="visitors-title" variant="h5" component="h1">{t('title')}</Typography>
        <Box sx={{ flex: 1 }} />
        <Button color="error" variant="outlined" startIcon={<CampaignOutlinedIcon />} onClick={openRollCall} title="Ctrl+E">
          {t('actions.rollCall')}
        </Button>
      </Stack>
      <Tabs value={tab} onChange={(_e, value: TabId) => setTab(value)} aria-label={t('tabs.label')} variant="scrollable" sx={{ borderBottom: 1, borderColor: 'divider' }}>
        {TABS.map((id) => (
          <Tab key={id} value={id} id={`visitors-tab-${id}`} aria-controls={`visitors-panel-${id}`} label={t(`tabs.${id}`)} />
        ))}
      </Tabs>

      <TabPanel id="desk" current={tab}>
        <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: 'minmax(360px, 5fr) 7fr' }, gap: 3, alignItems: 'start' }}>
          <RegistrationForm nameRef={nameRef} checkIn={clearedCheckIn} onCheckedIn={onCheckedIn} />
          <Stack spacing={2} sx={{ minWidth: 0 }}>
            {arrival && <ArrivalPanel arrival={arrival} onPrintBadge={setBadgeVisitId} onDismiss={() => setArrival(undefined)} />}
            <CheckOutBox ref={checkOutRef} rows={onSite ?? []} />
            <OnSiteBoard rows={onSite} onPrintBadge={setBadgeVisitId} />
          </Stack>
        </Box>
      </TabPanel>
      <TabPanel id="expected" current={tab}>
        <ExpectedPanel checkIn={clearedCheckIn} onCheckedIn={onCheckedIn} />
      </TabPanel>
      <TabPanel id="endOfDay" current={tab}>
        <EndOfDayPanel rows={onSite} />
      </TabPanel>
      <TabPanel id="watchlist" current={tab}>
        <WatchlistPanel />
      </TabPanel>
      <TabPanel id="complaints" current={tab}>
        <ComplaintsPanel />
      </TabPanel>

      {alertDialog}
      {badgeVisitId && <BadgeDialog visitId={badgeVisitId} open onClose={() => setBadgeVisitId(undefined)} />}
    </Box>
  );
}
