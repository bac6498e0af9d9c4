// The archive screen: export a verifiable bundle of the records, verify one, restore from one, set up
// the scheduled backups and retention, and search the phone records (README.md, "Archive format").
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { BackupPanel } from './BackupPanel';
import { CallSearchPanel } from './CallSearchPanel';
import { ExportPanel } from './ExportPanel';
import { RestorePanel } from './RestorePanel';
import { RetentionPanel } from './RetentionPanel';
import { WeeklyVolumesPanel } from './WeeklyVolumesPanel';

type ArchiveTab = 'export' | 'restore' | 'backup' | 'retention' | 'calls' | 'volumes';

export function ArchiveScreen() {
  const { t } = useTranslation('archive');
  const [tab, setTab] = useState<ArchiveTab>('export');
  return (
    <Box sx={{ p: 3 }}>
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {t('title')}
      </Typography>
      <Tabs value={tab} onChange={(_, value: ArchiveTab) => setTab(value)} aria-label={t('title')} sx={{ mb: 3 }}>
        <Tab value="export" label={t('tabs.export')} id="archive-tab-export" aria-controls="archive-panel-export" />
        <Tab value="restore" label={t('tabs.restore')} id="archive-tab-restore" aria-controls="archive-panel-restore" />
        <Tab value="backup" label={t('tabs.backup')} id="archive-tab-backup" aria-controls="archive-panel-backup" />
        <Tab value="retention" label={t('tabs.retention')} id="archive-tab-retention" aria-controls="archive-panel-retention" />
        <Tab value="calls" label={t('tabs.calls')} id="archive-tab-calls" aria-controls="archive-panel-calls" />
        <Tab value="volumes" label={t('tabs.volumes')} id="archive-tab-volumes" aria-controls="archive-panel-volumes" />
      </Tabs>
      <div role="tabpanel" id={`archive-panel-${tab}`} aria-labelledby={`archive-tab-${tab}`}>
        {tab === 'export' ? <ExportPanel /> : tab === 'restore' ? <RestorePanel /> : tab === 'backup' ? <BackupPanel /> : tab === 'retention' ? <RetentionPanel /> : tab === 'volumes' ? <WeeklyVolumesPanel /> : <CallSearchPanel />}
      </div>
    </Box>
  );
}
