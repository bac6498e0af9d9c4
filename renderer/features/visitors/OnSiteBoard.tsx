// The live "on site now" board: name, organisation, host, arrival and time on site, with visitors past
// their expected departure flagged. Rows are virtualised (a conference day can put hundreds on site);
// the list is a live query, so a check-out at any desk shows at once.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useVirtualizer } from '@tanstack/react-virtual';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import BadgeOutlinedIcon from '@mui/icons-material/BadgeOutlined';
import LogoutOutlinedIcon from '@mui/icons-material/LogoutOutlined';
import { isOverdue, UNDO_CHECK_OUT_MS } from '@shared/visitors/visitMachine';
import { repositoriesOf, useDatabase } from '../../db';
// Not in renderer/db's index, which the first screen loads: other desks' presence loads with the screens that show it.
import { deskPresences } from '../../db/sync/deskPresence';
import { useNotify } from '../../ui/notifications/notificationStore';
import { StaleDesksWarning } from '../../ui/sync/StaleDesksWarning';
import { useStore } from '../../ui/useStore';
import type { OnSiteRow } from './onSiteQuery';
import { formatDuration, formatTime, useNow } from './visitFormat';

const ROW_HEIGHT = 48;
const COLUMNS = '1.2fr 1.4fr 1.1fr 0.7fr 0.9fr 96px';

export function OnSiteBoard({ rows, onPrintBadge }: { rows: readonly OnSiteRow[] | undefined; onPrintBadge: (visitId: string) => void }) {
  const { t, i18n } = useTranslation('visitors');
  const db = useDatabase();
  const notify = useNotify();
  const now = useNow();
  const scrollRef = useRef<HTMLDivElement>(null);
  const list = rows ?? [];
  const presences = useStore(deskPresences);
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 800, height: 480 },
  });

  // The board's check-out is one click on a small icon: a misclick must not silently drop a person from
  // the emergency roll call, so the last one can be taken back for a few minutes (audited both ways).
  const [undoable, setUndoable] = useState<{ visitId: string; name: string } | undefined>(undefined);
  useEffect(() => {
    if (!undoable) return undefined;
    const timer = setTimeout(() => setUndoable(undefined), UNDO_CHECK_OUT_MS);
    return () => clearTimeout(timer);
  }, [undoable]);

  const checkOut = async (row: OnSiteRow) => {
    const name = row.visitor?.name ?? '';
    try {
      await repositoriesOf(db).visits.checkOut(row.visit.id, 'search');
      notify('success', t('checkout.done', { name }));
      setUndoable({ visitId: row.visit.id, name });
    } catch {
      notify('error', t('checkout.notOnSite'));
    }
  };

  const undo = async () => {
    if (!undoable) return;
    const { visitId, name } = undoable;
    setUndoable(undefined);
    try {
      await repositoriesOf(db).visits.undoCheckOut(visitId);
      notify('success', t('checkout.undone', { name }));
    } catch {
      notify('error', t('checkout.undoTooLate', { name }));
    }
  };

  const cell = { px: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1 }}>
      <Typography id="onsite-title" variant="h6" component="h2" sx={{ mb: 1 }} data-testid="onsite-count">{t('board.title', { count: list.length })}</Typography>
      <StaleDesksWarning presences={presences} testId="onsite-stale-desks" />
      {undoable && (
        <Alert
          severity="info"
          role="status"
          sx={{ mb: 1 }}
          action={<Button color="inherit" size="small" onClick={() => void undo()}>{t('checkout.undo')}</Button>}
        >
          {t('checkout.undoable', { name: undoable.name })}
        </Alert>
      )}
      <Box role="table" aria-labelledby="onsite-title" aria-rowcount={list.length + 1} sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flex: 1, border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Box role="rowgroup">
          <Box role="row" aria-rowindex={1} sx={{ display: 'grid', gridTemplateColumns: COLUMNS, alignItems: 'center', height: 36, borderBottom: 1, borderColor: 'divider', fontWeight: 600, fontSize: 14 }}>
            {(['name', 'company', 'host', 'arrival', 'onSite', 'actions'] as const).map((c) => (
              <Box key={c} role="columnheader" sx={cell}>{t(`board.${c}`)}</Box>
            ))}
          </Box>
        </Box>
        <Box ref={scrollRef} role="rowgroup" sx={{ flex: 1, minHeight: 120, maxHeight: 560, overflow: 'auto' }}>
          {/* A rowgroup holds rows only (ARIA): the empty message is a row of its own, the virtual list's
              sizing box is presentational. */}
          {rows && list.length === 0 && (
            <Box role="row">
              <Typography role="cell" color="text.secondary" sx={{ p: 2 }}>{t('board.empty')}</Typography>
            </Box>
          )}
          <Box role="presentation" sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = list[item.index]!;
              const name = row.visitor?.name ?? '';
              const overdue = isOverdue(row.visit, now);
              return (
                <Box
                  key={row.visit.id}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-visit-id={row.visit.id}
                  sx={{
                    display: 'grid', gridTemplateColumns: COLUMNS, alignItems: 'center', position: 'absolute', top: 0, left: 0, width: '100%',
                    height: ROW_HEIGHT, transform: `translateY(${item.start}px)`, borderBottom: 1, borderColor: 'divider', fontSize: 14,
                    bgcolor: overdue ? 'warning.light' : undefined,
                  }}
                >
                  {/* Cells cut text with an ellipsis; the title shows all of it on hover. */}
                  <Box role="cell" sx={cell} title={name}>{name}</Box>
                  <Box role="cell" sx={cell} title={row.visitor?.company ?? undefined}>{row.visitor?.company ?? ''}</Box>
                  <Box role="cell" sx={cell} title={hostText(row.host)}>{hostText(row.host)}</Box>
                  <Box role="cell" sx={cell}>{row.visit.arrivedAt ? formatTime(row.visit.arrivedAt, i18n.language) : ''}</Box>
                  <Box role="cell" sx={cell}>
                    {row.visit.arrivedAt ? formatDuration(now - row.visit.arrivedAt, t) : ''}
                    {overdue && <Chip size="small" color="warning" label={t('board.overdue')} sx={{ ml: 0.5 }} />}
                  </Box>
                  <Box role="cell" sx={{ display: 'flex' }}>
                    <IconButton size="small" aria-label={t('board.printBadgeOf', { name })} title={t('board.printBadgeOf', { name })} onClick={() => onPrintBadge(row.visit.id)}>
                      <BadgeOutlinedIcon fontSize="small" />
                    </IconButton>
                    <IconButton size="small" aria-label={t('board.checkOutOf', { name })} title={t('board.checkOutOf', { name })} onClick={() => void checkOut(row)}>
                      <LogoutOutlinedIcon fontSize="small" />
                    </IconButton>
                  </Box>
                </Box>
              );
            })}
          </Box>
        </Box>
      </Box>
    </Box>
  );
}

function hostText(host: { name: string; extension?: string } | undefined): string {
  return host ? `${host.name}${host.extension ? ` · ${host.extension}` : ''}` : '';
}
