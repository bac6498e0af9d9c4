// Picking the host (拜访对象) from the staff directory, keyboard first like the switchboard's transfer
// picker: type a name, pinyin, initials or extension; ↑↓ move; Enter picks (and does not submit the
// form while the list is open). Once picked, the field reads "张三 (ext. 2301)"; typing starts over.
import { forwardRef, memo, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { nextActiveIndex, comboboxInputAttributes } from '../../ui/listboxKeys';
import { useTranslation } from 'react-i18next';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Staff } from '@shared/domain/directory';
import { useLiveQuery } from 'dexie-react-hooks';
import { repositoriesOf, useDatabase, type FrontDeskDatabase } from '../../db';

export interface HostPickerProps {
  id: string;
  value: Staff | undefined;
  onChange: (host: Staff | undefined) => void;
  /** Called after a pick made with the keyboard (the form moves the focus on). */
  onPicked?: () => void;
  error?: string | undefined;
  required?: boolean;
}

// Memoised: typing in another field of the registration form does not render the picker.
export const HostPicker = memo(forwardRef<HTMLInputElement, HostPickerProps>(function HostPicker({ id, value, onChange, onPicked, error, required }, ref) {
  const { t } = useTranslation('visitors');
  const db = useDatabase();
  const [query, setQueryState] = useState('');
  const queryRef = useRef('');
  const setQuery = (next: string) => {
    queryRef.current = next;
    setQueryState(next);
  };
  const [active, setActive] = useState(0);
  const selectionRef = useRef<readonly [number, number] | undefined>(undefined);
  const label = value ? (value.extension ? t('form.hostChosen', { name: value.name, extension: value.extension }) : t('form.hostNoExtension', { name: value.name })) : '';

  // A live query: the matches follow the directory, so a host added (or the first-run sample
  // directory arriving) while the desk is typing shows up without retyping.
  const q = query.trim();
  // Each answer carries the query it answers: a fast typist (or a scanner) can press Enter before the
  // list has caught up with the last key, and Enter must act on what was typed, not on the list shown.
  const found = useLiveQuery(
    async () => ({ for: q, people: q && !value ? await searchHosts(db, q) : [] }),
    [db, q, value],
  );
  const matches = found?.people ?? [];
  const current = found?.for === q;
  useEffect(() => setActive(0), [found]);

  const pick = (person: Staff) => {
    // Picking sets the value and clears the query, which empties the matches.
    onChange(person);
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    selectionRef.current = input.selectionStart !== null && input.selectionEnd !== null ? [input.selectionStart, input.selectionEnd] : undefined;
    const step = nextActiveIndex(event.key, active, matches.length);
    if (step !== undefined) {
      event.preventDefault();
      setActive(step);
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && !value && q && !current) {
      // The list shown belongs to an earlier query: look up what was typed and take its first match.
      event.preventDefault();
      const typed = q;
      void searchHosts(db, typed).then(([first]) => {
        if (first && queryRef.current.trim() === typed) {
          pick(first);
          onPicked?.();
        }
      });
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && matches[active]) {
      event.preventDefault();
      pick(matches[active]);
      onPicked?.();
    } else if (event.key === 'Escape' && (query || value)) {
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
      onChange(undefined);
    }
  };

  const listId = `${id}-matches`;
  const showList = !value && matches.length > 0;
  return (
    <div>
      <TextField
        id={id}
        inputRef={ref}
        label={t('form.host')}
        value={value ? label : query}
        required={required}
        onChange={(e) => {
          const next = e.target.value;
          if (value) {
            // Typing over a chosen host starts a new search with exactly what was typed, whether the
            // label was selected and replaced, or the keys were added at its end.
            onChange(undefined);
            setQuery(typedOver(label, next, selectionRef.current));
          } else setQuery(next);
        }}
        onKeyDown={onKeyDown}
        error={Boolean(error)}
        helperText={error ?? t('form.hostHelp')}
        fullWidth
        size="small"
        autoComplete="off"
        slotProps={{ htmlInput: comboboxInputAttributes(listId, showList, active) }}
      />
      {query.trim() && !value && matches.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>{t('form.noHostMatch', { query: query.trim() })}</Typography>
      )}
      {showList && (
        <Paper variant="outlined" sx={{ mt: 0.5 }}>
          <List id={listId} role="listbox" aria-label={t('form.hostResults')} dense disablePadding>
            {matches.map((person, i) => (
              <ListItemButton key={person.id} id={`${listId}-${i}`} role="option" aria-selected={i === active} selected={i === active} tabIndex={-1} onClick={() => pick(person)}>
                <ListItemText primary={`${person.name}${person.extension ? ` · ${person.extension}` : ''}`} secondary={person.title} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
      )}
    </div>
  );
}));

function searchHosts(db: FrontDeskDatabase, query: string): Promise<Staff[]> {
  return repositoriesOf(db).staff.search(query, { limit: 8 }).catch(() => [] as Staff[]);
}

/**
 * What the person typed into a field that showed `label`: the characters inserted between the part of the
 * label kept before the caret and the part kept after it. Replacing a selected label gives the new text;
 * typing at its end gives the added keys; deleting gives ''. Without the selection (a paste by mouse) the
 * longest common prefix and suffix stand in for it.
 */
export function typedOver(label: string, next: string, selection?: readonly [number, number]): string {
  if (selection) {
    // The selection just before the edit (read on keydown) says exactly what was replaced.
    const [from, to] = selection;
    const kept = from + (label.length - to);
    if (from <= to && to <= label.length && next.length >= kept && next.startsWith(label.slice(0, from)) && next.endsWith(label.slice(to))) {
      return next.slice(from, next.length - (label.length - to));
    }
  }
  let start = 0;
  while (start < label.length && start < next.length && label[start] === next[start]) start += 1;
  let end = 0;
  while (end < label.length - start && end < next.length - start && label[label.length - 1 - end] === next[next.length - 1 - end]) end += 1;
  return next.slice(start, next.length - end);
}
