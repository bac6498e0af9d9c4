// Picking the host (拜访对象) from the staff directory, keyboard first like the switchboard's transfer
// picker: type a name, pinyin, initials or extension; ↑↓ move; Enter picks (and does not submit the
// form while the list is open). Once picked, the field reads "张三 (ext. 2301)"; typing starts over.
import { forwardRef, useEffect, useState, type KeyboardEvent } from 'react';
import { nextActiveIndex } from '../../ui/listboxKeys';
import { useTranslation } from 'react-i18next';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Staff } from '@shared/domain/directory';
import { useLiveQuery } from 'dexie-react-hooks';
import { repositoriesOf, useDatabase } from '../../db';

export interface HostPickerProps {
  id: string;
  value: Staff | undefined;
  onChange: (host: Staff | undefined) => void;
  /** Called after a pick made with the keyboard (the form moves the focus on). */
  onPicked?: () => void;
  error?: string | undefined;
  required?: boolean;
}

export const HostPicker = forwardRef<HTMLInputElement, HostPickerProps>(function HostPicker({ id, value, onChange, onPicked, error, required }, ref) {
  const { t } = useTranslation('visitors');
  const db = useDatabase();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const label = value ? (value.extension ? t('form.hostChosen', { name: value.name, extension: value.extension }) : t('form.hostNoExtension', { name: value.name })) : '';

  // A live query: the matches follow the directory, so a host added (or the first-run sample
  // directory arriving) while the desk is typing shows up without retyping.
  const q = query.trim();
  const found = useLiveQuery(
    () => (q && !value ? repositoriesOf(db).staff.search(q, { limit: 8 }).catch(() => [] as Staff[]) : Promise.resolve([] as Staff[])),
    [db, q, value],
  );
  const matches = found ?? [];
  useEffect(() => setActive(0), [found]);

  const pick = (person: Staff) => {
    // Picking sets the value and clears the query, which empties the matches.
    onChange(person);
    setQuery('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const step = nextActiveIndex(event.key, active, matches.length);
    if (step !== undefined) {
      event.preventDefault();
      setActive(step);
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
            onChange(undefined);
            setQuery(next.startsWith(label) ? next.slice(label.length) : '');
          } else setQuery(next);
        }}
        onKeyDown={onKeyDown}
        error={Boolean(error)}
        helperText={error ?? t('form.hostHelp')}
        fullWidth
        size="small"
        autoComplete="off"
        slotProps={{
          htmlInput: {
            role: 'combobox',
            'aria-expanded': showList,
            'aria-controls': listId,
            'aria-autocomplete': 'list',
            'aria-activedescendant': showList ? `${listId}-${active}` : undefined,
          },
        }}
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
});
