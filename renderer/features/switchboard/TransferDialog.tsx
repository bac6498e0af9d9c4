// Picking a transfer target, keyboard first: type a name (pinyin initials work), an extension or a
// number; ↑↓ choose among directory matches; Enter transfers (blind) or calls the target (consult).
import { useEffect, useRef, useState } from 'react';
import { nextActiveIndex } from '../../ui/listboxKeys';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, List, ListItemButton, ListItemText, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Staff } from '@shared/domain/directory';
import { getRepositories } from '../../db';
import { softphone, useLamps } from '../../phone/phoneService';
import { BusyLamp } from '../../ui/BusyLamp';
import { notifications } from '../../ui/notifications/notificationStore';
import { switchboardUi } from './switchboardUiStore';

export function TransferDialog({ lineId, mode, onClose }: { lineId: string; mode: 'blind' | 'attended'; onClose: () => void }) {
  const { t } = useTranslation('switchboard');
  const { t: tc } = useTranslation();
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Staff[]>([]);
  const [active, setActive] = useState(-1);
  const lamps = useLamps();
  const inputRef = useRef<HTMLInputElement>(null);
  // A transfer to a busy extension is asked about first; this is the target it was asked for.
  const [busyTarget, setBusyTarget] = useState<{ target: string; label: string }>();

  useEffect(() => {
    let alive = true;
    const q = query.trim();
    if (!q) {
      setMatches([]);
      setActive(-1);
      return undefined;
    }
    void getRepositories()
      .staff.search(q, { limit: 8 })
      .then((found) => {
        if (!alive) return;
        const reachable = found.filter((p) => p.extension || p.mobile);
        setMatches(reachable);
        setActive(reachable.length > 0 ? 0 : -1);
      })
      .catch(() => alive && setMatches([]));
    return () => {
      alive = false;
    };
  }, [query]);

  const targetOf = (person: Staff | undefined) => person?.extension ?? person?.mobile ?? query.trim();

  const submit = async (person: Staff | undefined) => {
    const target = targetOf(person);
    if (!target) return;
    if (lamps.byExtension.get(target)?.state === 'busy' && busyTarget?.target !== target) {
      setBusyTarget({ target, label: person ? `${person.name} (${target})` : target });
      return;
    }
    onClose();
    if (mode === 'blind') {
      const result = await softphone.blindTransfer(lineId, target);
      if (!result.ok && result.reason === 'invalid-target') notifications.notify('error', t('dial.invalid', { target }));
    } else {
      const result = await softphone.startConsult(lineId, target);
      if (result.ok) switchboardUi.select(result.lineId);
      else if (result.reason === 'invalid-target') notifications.notify('error', t('dial.invalid', { target }));
      else if (result.reason === 'no-free-line') notifications.notify('error', t('dial.noFreeLine'));
      else if (result.reason === 'hold-failed') notifications.notify('error', t('notices.hold-failed'));
    }
  };

  const listId = 'transfer-matches';
  return (
    <Dialog open onClose={onClose} aria-labelledby="transfer-title" maxWidth="sm" fullWidth>
      <DialogTitle id="transfer-title">{mode === 'blind' ? t('transfer.blindTitle') : t('transfer.attendedTitle')}</DialogTitle>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(matches[active]);
        }}
      >
        <DialogContent>
          <TextField
            autoFocus
            inputRef={inputRef}
            fullWidth
            label={t('transfer.target')}
            helperText={t('transfer.targetHelp')}
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setBusyTarget(undefined);
            }}
            onKeyDown={(e) => {
              const step = nextActiveIndex(e.key, active, matches.length);
              if (step !== undefined) {
                e.preventDefault();
                setActive(step);
              }
            }}
            slotProps={{
              htmlInput: {
                role: 'combobox',
                'aria-expanded': matches.length > 0,
                'aria-controls': listId,
                'aria-autocomplete': 'list',
                'aria-activedescendant': active >= 0 ? `${listId}-${active}` : undefined,
              },
            }}
          />
          {query.trim() && matches.length === 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>{t('transfer.noResults')}</Typography>
          )}
          {busyTarget && (
            <Alert severity="warning" role="alert" sx={{ mt: 1 }}>{t('transfer.busyWarning', { target: busyTarget.label })}</Alert>
          )}
          <List id={listId} role="listbox" aria-label={t('transfer.target')} dense>
            {matches.map((person, i) => (
              <ListItemButton
                key={person.id}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                selected={i === active}
                onClick={() => void submit(person)}
              >
                <ListItemText primary={`${person.name} · ${person.extension ?? person.mobile ?? ''}`} secondary={person.title} />
                {person.extension && lamps.byExtension.get(person.extension) && (
                  <BusyLamp extension={person.extension} state={lamps.byExtension.get(person.extension)!.state} showState />
                )}
              </ListItemButton>
            ))}
          </List>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{tc('actions.cancel')}</Button>
          {busyTarget ? (
            <>
              <Button
                onClick={() => {
                  setBusyTarget(undefined);
                  inputRef.current?.focus();
                }}
              >
                {t('transfer.chooseOther')}
              </Button>
              <Button type="submit" variant="contained" color="warning">{t('transfer.anyway')}</Button>
            </>
          ) : (
            <Button type="submit" variant="contained" disabled={!query.trim()}>
              {mode === 'blind' ? t('transfer.start') : t('transfer.startConsult')}
            </Button>
          )}
        </DialogActions>
      </form>
    </Dialog>
  );
}
