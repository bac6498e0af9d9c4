// The recipient from the staff directory, keyboard first (the directory's own search: name, pinyin,
// initials, extension, department; renderer/db StaffRepository.search, as the visitors' host picker uses).
// ↑↓ move; Enter picks the highlighted person and hands the pick to the form, which saves (bulk intake:
// scan → recipient → Enter → next). Enter acts on what was typed even when the list has not caught up
// with a fast typist yet. A name nobody in the directory has is handed over as a plain name.
import { forwardRef, memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Staff } from '@shared/domain/directory';
import { repositoriesOf, useDatabase, type FrontDeskDatabase } from '../../db';
import { nextActiveIndex, comboboxInputAttributes } from '../../ui/listboxKeys';
import { recordMetric } from '../../platform/metrics';

export type RecipientPick = { kind: 'staff'; person: Staff } | { kind: 'name'; name: string } | { kind: 'none' };

export interface RecipientPickerProps {
  id: string;
  label: string;
  helperText: string;
  /** Enter on the field: the person picked (or the typed name, or nobody when empty). */
  onEnter: (pick: RecipientPick) => void;
  departments?: ReadonlyMap<string, string>;
  disabled?: boolean;
}

export function searchRecipients(db: FrontDeskDatabase, query: string): Promise<Staff[]> {
  return repositoriesOf(db).staff.search(query, { limit: 8 }).catch(() => [] as Staff[]);
}

// Memoised: the intake panel re-renders on every keystroke in the tracking field; the picker does not.
export const RecipientPicker = memo(forwardRef<HTMLInputElement, RecipientPickerProps>(function RecipientPicker({ id, label, helperText, onEnter, departments, disabled }, ref) {
  const { t } = useTranslation('parcels');
  const db = useDatabase();
  const [query, setQueryState] = useState('');
  const queryRef = useRef('');
  const setQuery = (next: string) => {
    queryRef.current = next;
    setQueryState(next);
  };
  const [active, setActive] = useState(0);
  const typedAt = useRef<number | undefined>(undefined);
  const q = query.trim();
  const found = useLiveQuery(async () => ({ for: q, people: q ? await searchRecipients(db, q) : [] }), [db, q]);
  const matches = found?.people ?? [];
  const current = found?.for === q;
  useEffect(() => setActive(0), [found]);
  useEffect(() => {
    // Bench figure: keystroke → suggestions rendered for what was typed.
    if (current && q && typedAt.current !== undefined) {
      recordMetric('parcelRecipientSuggestMs', performance.now() - typedAt.current);
      typedAt.current = undefined;
    }
  }, [found, current, q]);

  const finish = (pick: RecipientPick) => {
    setQuery('');
    onEnter(pick);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = nextActiveIndex(event.key, active, matches.length);
    if (step !== undefined) {
      event.preventDefault();
      setActive(step);
      return;
    }
    if (event.key === 'Escape' && query) {
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
      return;
    }
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    if (!q) {
      finish({ kind: 'none' });
      return;
    }
    if (current) {
      const person = matches[active];
      finish(person ? { kind: 'staff', person } : { kind: 'name', name: q });
      return;
    }
    // The list shown answers an earlier query: look up what was typed and take its first match.
    const typed = q;
    void searchRecipients(db, typed).then(([first]) => {
      if (queryRef.current.trim() !== typed) return;
      finish(first ? { kind: 'staff', person: first } : { kind: 'name', name: typed });
    });
  };

  const listId = `${id}-matches`;
  const showList = matches.length > 0 && Boolean(q);
  return (
    <div>
      <TextField
        id={id}
        inputRef={ref}
        label={label}
        value={query}
        disabled={disabled}
        onChange={(e) => {
          typedAt.current = performance.now();
          setQuery(e.target.value);
        }}
        onKeyDown={onKeyDown}
        helperText={helperText}
        fullWidth
        size="small"
        autoComplete="off"
        slotProps={{ htmlInput: comboboxInputAttributes(listId, showList, active) }}
      />
      {q && current && matches.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>{t('intake.noRecipientMatch', { query: q })}</Typography>
      )}
      {showList && (
        <Paper variant="outlined" sx={{ mt: 0.5 }}>
          <List id={listId} role="listbox" aria-label={t('intake.recipientResults')} dense disablePadding>
            {matches.map((person, i) => (
              <ListItemButton key={person.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} selected={i === active} tabIndex={-1} onClick={() => finish({ kind: 'staff', person })}>
                <ListItemText
                  primary={`${person.name}${person.extension ? ` · ${person.extension}` : ''}`}
                  secondary={[person.departmentId ? departments?.get(person.departmentId) : undefined, person.title].filter(Boolean).join(' · ') || undefined}
                />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      )}
    </div>
  );
}));
