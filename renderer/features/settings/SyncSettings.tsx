// Settings → Sync (issue 14): the site's CouchDB-protocol server this desk shares its log with, a
// connection test, start and stop, what is happening now, and the supervisor's list of sync conflicts.
// The password goes to the bridge's secrets (the OS-protected store in the desktop app), never to IndexedDB.
import { useEffect, useState } from 'react';
import { Box, Button, Checkbox, FormControlLabel, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { liveQuery } from 'dexie';
import { syncUrlProblem } from '@shared/sync/syncServerAddress';
import { messageOf } from '@shared/errors/messageOf';
import { isPermissionDenied, syncStatusShown, useDatabase } from '../../db';
// Not in renderer/db's index, which the first screen loads: other desks' presence loads with the screens that show it.
import { deskPresences } from '../../db/sync/deskPresence';
import { deskLabel, staleDesks } from '@shared/sync/deskPresence';
import type { SyncConfig, SyncConflict } from '../../db/sync/syncTables';
import { getBridge } from '../../platform';
import { notifications } from '../../ui/notifications/notificationStore';
import { useStore } from '../../ui/useStore';
import { useCan } from '../signin';
import { FirstSyncProgress } from '../../ui/sync/FirstSyncProgress';

type Problem = ReturnType<typeof syncUrlProblem> | 'databaseName';

function timeText(at: number | undefined, locale: string, never: string): string {
  return at ? new Intl.DateTimeFormat(locale, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(at) : never;
}

export function SyncSettings() {
  const { t, i18n } = useTranslation('sync');
  const db = useDatabase();
  const mayConfigure = useCan('configureSync');
  const status = useStore(syncStatusShown);
  const presences = useStore(deskPresences);
  const [serverUrl, setServerUrl] = useState('');
  const [databaseName, setDatabaseName] = useState('frontdesk');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [siteWideAccounts, setSiteWideAccounts] = useState(false);
  const [deskName, setDeskName] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState('');
  const [busy, setBusy] = useState(false);
  const [conflicts, setConflicts] = useState<SyncConflict[]>([]);
  /** The server this page's CSP was loaded with (the one saved when the window opened). */
  const [allowedServer, setAllowedServer] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    void import('../../db/sync/syncController').then(({ readSyncConfig }) => readSyncConfig(db)).then((config) => {
      if (!alive || !config) return;
      if (config.enabled) setAllowedServer(config.serverUrl);
      setServerUrl(config.serverUrl);
      setDatabaseName(config.databaseName);
      setUsername(config.username ?? '');
      setSiteWideAccounts(config.siteWideAccounts);
      setDeskName(config.deskName ?? '');
    }).catch(() => undefined);
    const subscription = liveQuery(() => import('../../db/sync/syncSettings').then(({ openSyncConflicts }) => openSyncConflicts(db))).subscribe({
      next: (rows) => alive && setConflicts(rows),
      error: () => undefined,
    });
    return () => {
      alive = false;
      subscription.unsubscribe();
    };
  }, [db]);

  const config = (enabled: boolean): SyncConfig => ({
    serverUrl: serverUrl.trim(),
    databaseName: databaseName.trim(),
    ...(username.trim() ? { username: username.trim() } : {}),
    siteWideAccounts,
    enabled,
    ...(deskName.trim() ? { deskName: deskName.trim() } : {}),
  });

  const check = (): boolean => {
    const found: Problem | null = syncUrlProblem(serverUrl) ?? (/^[a-z][a-z0-9_$()+/-]{0,127}$/.test(databaseName.trim()) ? null : 'databaseName');
    setProblem(found);
    return found === null;
  };

  const credentials = () => ({ ...(username.trim() ? { username: username.trim(), password } : {}) });

  const test = async () => {
    if (!check()) return;
    setBusy(true);
    try {
      const { testSyncConnection } = await import('../../db/sync/syncController');
      const outcome = await testSyncConnection(config(true), credentials());
      setResult(outcome.ok ? t('testOk', { count: outcome.documents }) : t('testFailed', { reason: outcome.reason }));
    } finally {
      setBusy(false);
    }
  };

  const start = async () => {
    if (!check()) return;
    setBusy(true);
    try {
      const [{ saveSyncConfig }, { startSync }] = await Promise.all([import('../../db/sync/syncSettings'), import('../../db/sync/syncController')]);
      const saved = await saveSyncConfig(db, config(true));
      if (saved.username) await getBridge().secrets.set({ key: 'sync.password', value: password });
      else await getBridge().secrets.delete({ key: 'sync.password' });
      // The desktop app's CSP allows exactly this server (main keeps it); a new one takes effect with the next
      // page load, so the window reloads once, like after a new PBX address (sync starts with the window).
      const allowed = await getBridge().app.setSyncServer({ url: saved.serverUrl });
      if (!allowed.ok) throw new Error(allowed.error.message);
      if (allowed.value.reloadRequired && allowedServer !== saved.serverUrl) {
        setResult(t('reloadToConnect'));
        window.location.reload();
        return;
      }
      await startSync(db, saved, credentials());
      setResult(t('started'));
      notifications.notify('success', t('started'));
    } catch (error) {
      setResult(isPermissionDenied(error) ? t('problems.denied') : t('problems.failed', { message: messageOf(error) }));
    } finally {
      setBusy(false);
    }
  };

  const stop = async () => {
    setBusy(true);
    try {
      const [{ saveSyncConfig }, { runningSync }] = await Promise.all([import('../../db/sync/syncSettings'), import('../../db/sync/syncController')]);
      await saveSyncConfig(db, config(false));
      await runningSync()?.stop();
      await getBridge().app.setSyncServer({ url: null });
      setAllowedServer(null);
      setResult(t('stopped'));
    } catch (error) {
      setResult(isPermissionDenied(error) ? t('problems.denied') : t('problems.failed', { message: messageOf(error) }));
    } finally {
      setBusy(false);
    }
  };

  const pause = () =>
    void import('../../db/sync/syncController')
      .then(({ runningSync }) => runningSync()?.pause())
      .catch((error: unknown) => setResult(t('problems.failed', { message: messageOf(error) })));

  const resume = async () => {
    setBusy(true);
    try {
      const { startStoredSync } = await import('../../db/sync/syncController');
      await startStoredSync(db);
      setResult(t('started'));
    } catch (error) {
      setResult(t('problems.failed', { message: messageOf(error) }));
    } finally {
      setBusy(false);
    }
  };

  const removeDesk = async (deskId: string, label: string) => {
    const [{ removeSyncDesk }, { runningSync }] = await Promise.all([import('../../db/sync/syncSettings'), import('../../db/sync/syncController')]);
    const sync = runningSync();
    if (!sync) return;
    try {
      await removeSyncDesk(db, sync, { deskId, label });
      notifications.notify('success', t('desks.removed', { desk: label }));
    } catch (error) {
      notifications.notify('error', isPermissionDenied(error) ? t('problems.denied') : t('problems.failed', { message: messageOf(error) }));
    }
  };

  const compact = async () => {
    const [{ compactSyncServer }, { runningSync }] = await Promise.all([import('../../db/sync/syncSettings'), import('../../db/sync/syncController')]);
    const sync = runningSync();
    if (!sync) return;
    setBusy(true);
    try {
      await compactSyncServer(db, sync, databaseName.trim());
      setResult(t('compacted'));
      notifications.notify('success', t('compacted'));
    } catch (error) {
      setResult(isPermissionDenied(error) ? t('problems.denied') : t('problems.failed', { message: messageOf(error) }));
    } finally {
      setBusy(false);
    }
  };

  const review = async (id: string) => {
    const { markSyncConflictReviewed } = await import('../../db/sync/syncSettings');
    try {
      await markSyncConflictReviewed(db, id);
      notifications.notify('success', t('conflicts.reviewed'));
    } catch (error) {
      notifications.notify('error', isPermissionDenied(error) ? t('problems.denied') : t('problems.failed', { message: messageOf(error) }));
    }
  };

  const stateText =
    status.state === 'offline'
      ? t('state.offline', { time: timeText(status.offlineSince, i18n.language, t('never')) })
      : status.state === 'error'
        ? t('state.error', { reason: status.reason ?? '' })
        : status.state === 'starting'
          ? t('state.starting', { done: status.progress?.done ?? 0 })
          : t(`state.${status.state}`);

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="settings-sync">
      <Typography id="settings-sync" variant="h6" component="h2" gutterBottom>{t('title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>{t('help')}</Typography>
      {!mayConfigure && <Typography sx={{ mb: 2 }}>{t('supervisorOnly')}</Typography>}
      <Stack spacing={2}>
        <TextField
          label={t('serverUrl')}
          value={serverUrl}
          onChange={(e) => setServerUrl(e.target.value)}
          disabled={!mayConfigure}
          error={problem !== null && problem !== 'databaseName'}
          helperText={problem && problem !== 'databaseName' ? t(`problems.${problem}`) : t('serverUrlHelp')}
          slotProps={{ htmlInput: { spellCheck: false } }}
        />
        <TextField
          label={t('databaseName')}
          value={databaseName}
          onChange={(e) => setDatabaseName(e.target.value)}
          disabled={!mayConfigure}
          error={problem === 'databaseName'}
          helperText={problem === 'databaseName' ? t('problems.databaseName') : ' '}
        />
        <TextField label={t('deskName')} value={deskName} onChange={(e) => setDeskName(e.target.value)} disabled={!mayConfigure} helperText={t('deskNameHelp')} slotProps={{ htmlInput: { maxLength: 60 } }} />
        <Stack direction="row" spacing={2}>
          <TextField label={t('username')} value={username} onChange={(e) => setUsername(e.target.value)} disabled={!mayConfigure} autoComplete="off" />
          <TextField label={t('password')} type="password" value={password} onChange={(e) => setPassword(e.target.value)} disabled={!mayConfigure || !username.trim()} autoComplete="new-password" />
        </Stack>
        <FormControlLabel
          control={<Checkbox checked={siteWideAccounts} onChange={(e) => setSiteWideAccounts(e.target.checked)} disabled={!mayConfigure} />}
          label={t('siteWideAccounts')}
        />
        <Stack direction="row" spacing={1}>
          <Button variant="outlined" onClick={() => void test()} disabled={busy || !mayConfigure}>{t('test')}</Button>
          <Button variant="contained" onClick={() => void start()} disabled={busy || !mayConfigure}>{t('start')}</Button>
          <Button onClick={() => void stop()} disabled={busy || !mayConfigure || status.state === 'off'}>{t('stop')}</Button>
          {status.state === 'paused' && <Button onClick={() => void resume()} disabled={busy}>{t('resume')}</Button>}
        </Stack>
        <Typography role="status" data-testid="sync-settings-result">{result}</Typography>
        <Box data-testid="sync-settings-state" data-state={status.state}>
          <Typography>{stateText}{status.waiting > 0 ? ` · ${t('waiting', { count: status.waiting })}` : ''}</Typography>
          {status.firstSync && <FirstSyncProgress progress={status.firstSync} onPause={pause} testId="sync-settings-first-progress" />}
          <Typography variant="body2" color="text.secondary">
            {t('lastPush', { time: timeText(status.lastPush, i18n.language, t('never')) })} · {t('lastPull', { time: timeText(status.lastPull, i18n.language, t('never')) })}
          </Typography>
        </Box>
        <Box component="section" aria-labelledby="sync-desks-title">
          <Typography id="sync-desks-title" variant="subtitle1" component="h3">{t('desks.title')}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('desks.help')}</Typography>
          {presences.length === 0 ? (
            <Typography variant="body2">{t('desks.empty')}</Typography>
          ) : (
            <Table size="small" aria-labelledby="sync-desks-title">
              <TableHead>
                <TableRow>
                  <TableCell>{t('desks.desk')}</TableCell>
                  <TableCell>{t('desks.lastSeen')}</TableCell>
                  <TableCell>{t('desks.state')}</TableCell>
                  <TableCell><Box component="span" sx={visuallyHidden}>{t('desks.remove')}</Box></TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {presences.map((presence) => {
                  const label = deskLabel(presence);
                  const own = presence.deskId === db.desk.deskId;
                  const stale = staleDesks([presence], Date.now()).length > 0;
                  return (
                    <TableRow key={presence.deskId} data-desk-id={presence.deskId}>
                      <TableCell>{own ? t('desks.thisDesk', { desk: label }) : label}</TableCell>
                      <TableCell>{timeText(presence.syncedAt, i18n.language, t('never'))}</TableCell>
                      <TableCell>{stale ? t('desks.stale') : t('desks.fresh')}</TableCell>
                      <TableCell>
                        {!own && (
                          <Button size="small" onClick={() => void removeDesk(presence.deskId, label)} disabled={!mayConfigure} aria-label={t('desks.removeLabel', { desk: label })}>
                            {t('desks.remove')}
                          </Button>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
          <Stack direction="row" spacing={1} sx={{ mt: 1, alignItems: 'center' }}>
            <Button variant="outlined" onClick={() => void compact()} disabled={busy || !mayConfigure || status.state === 'off' || status.state === 'paused'}>{t('compact')}</Button>
            <Typography variant="body2" color="text.secondary">{t('compactHelp')}</Typography>
          </Stack>
        </Box>
        <Box component="section" aria-labelledby="sync-conflicts-title">
          <Typography id="sync-conflicts-title" variant="subtitle1" component="h3">{t('conflicts.title', { count: conflicts.length })}</Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{t('conflicts.help')}</Typography>
          {conflicts.length === 0 ? (
            <Typography variant="body2">{t('conflicts.empty')}</Typography>
          ) : (
            <Table size="small" aria-labelledby="sync-conflicts-title">
              <TableHead>
                <TableRow>
                  <TableCell>{t('conflicts.table')}</TableCell>
                  <TableCell>{t('conflicts.record')}</TableCell>
                  <TableCell>{t('conflicts.lost')}</TableCell>
                  <TableCell>{t('conflicts.losing')}</TableCell>
                  <TableCell>{t('conflicts.detected')}</TableCell>
                  <TableCell><Box component="span" sx={visuallyHidden}>{t('conflicts.review')}</Box></TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {conflicts.map((conflict) => (
                  <TableRow key={conflict.id}>
                    <TableCell>{conflict.table}</TableCell>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{conflict.rowId}</TableCell>
                    <TableCell>
                      {conflict.rule === 'rejected' ? t('conflicts.rejected') : conflict.damaged ? t('conflicts.damaged') : conflict.lostFields.join(', ')}
                    </TableCell>
                    <TableCell sx={{ maxWidth: 280, overflowWrap: 'anywhere' }}>
                      {conflict.losers.map((loser) => conflict.lostFields.map((field) => `${field}: ${JSON.stringify(loser[field])}`).join('; ')).join(' | ')}
                    </TableCell>
                    <TableCell>{timeText(conflict.detectedAt, i18n.language, t('never'))}</TableCell>
                    <TableCell>
                      <Button size="small" onClick={() => void review(conflict.id)} disabled={!mayConfigure} aria-label={t('conflicts.reviewLabel', { table: conflict.table, record: conflict.rowId })}>
                        {t('conflicts.review')}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      </Stack>
    </Paper>
  );
}

const visuallyHidden = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' } as const;
