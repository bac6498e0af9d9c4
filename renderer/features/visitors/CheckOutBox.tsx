// The check-out box. A USB scanner types the badge's code ("FDV1:<visit id>") and Enter into it, like a
// keyboard, so the box stays focused between scans; a typed name finds the visitor among those on site
// (↓ to choose, Enter to check out).
import { forwardRef, useMemo, useState, type KeyboardEvent } from 'react';
import { nextActiveIndex } from '../../ui/listboxKeys';
import { useTranslation } from 'react-i18next';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import QrCodeScannerIcon from '@mui/icons-material/QrCodeScanner';
import { normaliseQuery } from '@shared/search/searchKeys';
import { BADGE_CODE_PREFIX, visitIdFromBadgeCode } from '@shared/visitors/badgeCode';
import { repositoriesOf, useDatabase, type CheckOutMethod } from '../../db';
import { useNotify } from '../../ui/notifications/notificationStore';
import type { OnSiteRow } from './onSiteQuery';

export const CheckOutBox = forwardRef<HTMLInputElement, { rows: readonly OnSiteRow[] }>(function CheckOutBox({ rows }, ref) {
  const { t } = useTranslation('visitors');
  const db = useDatabase();
  const notify = useNotify();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string>();

  const looksLikeCode = text.trim().toUpperCase().startsWith(BADGE_CODE_PREFIX.slice(0, 3));
  const matches = useMemo(() => {
    const tokens = normaliseQuery(text);
    if (tokens.length === 0 || looksLikeCode) return [];
    return rows.filter((r) => r.visitor && tokens.every((tok) => r.visitor!.searchKeys.some((k) => k.startsWith(tok)))).slice(0, 8);
  }, [rows, text, looksLikeCode]);

  const checkOut = async (visitId: string, method: CheckOutMethod) => {
    const row = rows.find((r) => r.visit.id === visitId);
    try {
      await repositoriesOf(db).visits.checkOut(visitId, method);
      notify('success', t('checkout.done', { name: row?.visitor?.name ?? visitId }));
      setText('');
      setProblem(undefined);
    } catch {
      // Already gone (checked out at another desk) or never on site.
      setProblem(t('checkout.notOnSite'));
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = nextActiveIndex(event.key, active, matches.length);
    if (step !== undefined) {
      event.preventDefault();
      setActive(step);
    } else if (event.key === 'Escape' && text) {
      event.preventDefault();
      setText('');
      setProblem(undefined);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const value = (event.target as HTMLInputElement).value;
      const visitId = visitIdFromBadgeCode(value);
      if (visitId) {
        void checkOut(visitId, 'badgeScan');
        return;
      }
      if (value.trim().toUpperCase().startsWith(BADGE_CODE_PREFIX)) {
        setProblem(t('checkout.unknownCode'));
        setText('');
        return;
      }
      const chosen = matches[active] ?? (matches.length === 1 ? matches[0] : undefined);
      if (chosen) void checkOut(chosen.visit.id, 'search');
      else if (value.trim()) setProblem(t('checkout.noMatch', { query: value.trim() }));
    }
  };

  const listId = 'checkout-matches';
  return (
    <div>
      <TextField
        id="visit-checkout"
        inputRef={ref}
        label={t('checkout.label')}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setProblem(undefined);
        }}
        onKeyDown={onKeyDown}
        error={Boolean(problem)}
        helperText={problem ?? t('checkout.help')}
        fullWidth
        size="small"
        autoComplete="off"
        slotProps={{
          input: { startAdornment: <QrCodeScannerIcon fontSize="small" sx={{ mr: 1, color: 'text.secondary' }} aria-hidden /> },
          htmlInput: {
            role: 'combobox',
            spellCheck: false,
            'aria-expanded': matches.length > 0,
            'aria-controls': listId,
            'aria-autocomplete': 'list',
            'aria-activedescendant': matches.length ? `${listId}-${active}` : undefined,
          },
        }}
      />
      {matches.length > 0 && (
        <Paper variant="outlined" sx={{ mt: 0.5 }}>
          <List id={listId} role="listbox" aria-label={t('checkout.results')} dense disablePadding>
            {matches.map((row, i) => (
              <ListItemButton key={row.visit.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} selected={i === active} tabIndex={-1} onClick={() => void checkOut(row.visit.id, 'search')}>
                <ListItemText primary={[row.visitor?.name, row.visitor?.company].filter(Boolean).join(' · ')} secondary={row.host?.name} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      )}
      {problem && <Typography role="alert" sx={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>{problem}</Typography>}
    </div>
  );
});
