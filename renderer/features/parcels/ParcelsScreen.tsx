// Mail and parcels (邮件收发, docs/REQUIREMENTS.md §2), the concierge's screen: intake (bulk, keyboard
// only), the waiting list (urgent first, to notify, overdue), hand-over with a signature, and the
// outgoing log. Tabs stay mounted once opened, so a half-done hand-over survives a look at the waiting list.
// Alt+P brings the cursor to the tracking-number field from anywhere on this screen.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type { Parcel } from '@shared/domain';
import { repositoriesOf, useDatabase, useLiveRead } from '../../db';
import { useShortcut } from '../../ui/shortcuts/ShortcutProvider';
import { useFocusTargetRef } from '../../ui/focus/useFocusTarget';
import { IntakePanel } from './IntakePanel';
import { WaitingPanel } from './WaitingPanel';
import { HandOverPanel } from './HandOverPanel';
import { OutgoingPanel } from './OutgoingPanel';
import { TimelineDialog } from './TimelineDialog';
import { LabelDialog } from './LabelDialog';
import { CloseDialog, CorrectDialog, MoveDialog } from './ItemDialogs';

const TABS = ['intake', 'waiting', 'handOver', 'outgoing'] as const;
const NO_DEPARTMENTS: ReadonlyMap<string, string> = new Map();
type TabId = (typeof TABS)[number];

/**
 * A tab's panel. Intake and the waiting list are built as the screen opens (the waiting list reads while
 * the desk is at intake, so the tab shows at once); hand-over and outgoing only when first opened, so
 * opening the screen does not pay for them. Once built a panel stays mounted.
 */
function TabPanel({ id, current, eager = false, children }: { id: TabId; current: TabId; eager?: boolean; children: ReactNode }) {
  const [visited, setVisited] = useState(eager || current === id);
  if (!visited && current === id) setVisited(true);
  return (
    <Box role="tabpanel" id={`parcels-panel-${id}`} aria-labelledby={`parcels-tab-${id}`} hidden={current !== id} sx={{ flex: 1, minHeight: 0, overflow: 'auto', pt: 2 }}>
      {(visited || current === id) && children}
    </Box>
  );
}

export function ParcelsScreen() {
  const { t } = useTranslation('parcels');
  const db = useDatabase();
  const [tab, setTab] = useState<TabId>('intake');
  const trackingRef = useRef<HTMLInputElement>(null);
  const [timelineId, setTimelineId] = useState<string>();
  const [labelId, setLabelId] = useState<string>();
  const [moving, setMoving] = useState<Parcel>();
  const [closing, setClosing] = useState<Parcel>();
  const [correcting, setCorrecting] = useState<Parcel>();
  const departments = useLiveRead(async () => new Map((await repositoriesOf(db).departments.list()).map((d) => [d.id, d.name])), [db]) ?? NO_DEPARTMENTS;

  useEffect(() => {
    trackingRef.current?.focus();
  }, []);
  useFocusTargetRef('parcels.tracking', trackingRef, { select: true });
  useShortcut({
    id: 'parcels.intake', keys: 'Alt+P', descriptionKey: 'parcels:shortcuts.intake', groupKey: 'parcels:shortcuts.group',
    focusTarget: 'parcels.tracking', handler: () => setTab('intake'),
  });

  return (
    <Box component="section" aria-labelledby="parcels-title" sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, p: { xs: 2, md: 3 }, boxSizing: 'border-box' }}>
      <Typography id="parcels-title" variant="h5" component="h1">{t('title')}</Typography>
      <Tabs value={tab} onChange={(_e, value: TabId) => setTab(value)} aria-label={t('tabs.label')} variant="scrollable" sx={{ borderBottom: 1, borderColor: 'divider' }}>
        {TABS.map((id) => <Tab key={id} value={id} id={`parcels-tab-${id}`} aria-controls={`parcels-panel-${id}`} label={t(`tabs.${id}`)} />)}
      </Tabs>
      <TabPanel id="intake" current={tab} eager>
        <IntakePanel trackingRef={trackingRef} departments={departments} active={tab === 'intake'} />
      </TabPanel>
      <TabPanel id="waiting" current={tab} eager>
        <WaitingPanel departments={departments} onTimeline={setTimelineId} onLabel={setLabelId} onMove={setMoving} onClose={setClosing} onCorrect={setCorrecting} />
      </TabPanel>
      <TabPanel id="handOver" current={tab}>
        <HandOverPanel />
      </TabPanel>
      <TabPanel id="outgoing" current={tab}>
        <OutgoingPanel />
      </TabPanel>
      {timelineId && <TimelineDialog parcelId={timelineId} onClose={() => setTimelineId(undefined)} />}
      {labelId && <LabelDialog parcelId={labelId} onClose={() => setLabelId(undefined)} />}
      {moving && <MoveDialog parcel={moving} onClose={() => setMoving(undefined)} />}
      {closing && <CloseDialog parcel={closing} onClose={() => setClosing(undefined)} />}
      {correcting && <CorrectDialog parcel={correcting} departments={departments} onClose={() => setCorrecting(undefined)} />}
    </Box>
  );
}
