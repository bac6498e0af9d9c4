// Returning-visitor suggestions live outside the registration form's state: when they arrive, only the
// list and the field it belongs to re-render, not the fifteen fields of the form (the bench target is
// keystroke → suggestions on screen in under 30 ms, p95, with 500k visits stored).
import { memo, useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Paper from '@mui/material/Paper';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import type { Staff } from '@shared/domain/directory';
import type { Visit, Visitor } from '@shared/domain/visitors';
import { recordMetric } from '../../platform/metrics';
import { formatDateTime } from './visitFormat';

export type SuggestSource = 'name' | 'company' | 'phone';

export interface SuggestionRow {
  visitor: Visitor;
  lastVisit?: Visit;
  host?: Staff;
}

export interface SuggestState {
  source: SuggestSource;
  rows: SuggestionRow[];
  active: number;
}

export class SuggestionStore {
  private state: SuggestState = { source: 'name', rows: [], active: -1 };
  private listeners = new Set<() => void>();
  /** When the keystroke that produced the pending rows happened (performance.now), for the bench. */
  typedAt: number | undefined;

  get = (): SuggestState => this.state;

  set = (next: SuggestState | ((current: SuggestState) => SuggestState)): void => {
    const value = typeof next === 'function' ? next(this.state) : next;
    if (value === this.state) return;
    this.state = value;
    for (const l of this.listeners) l();
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

function listIdOf(source: SuggestSource): string {
  return `visitor-suggestions-${source}`;
}

/**
 * A text field that is a combobox over the suggestions; re-renders only when its own list opens, closes
 * or moves, or its own props change (memoised: typing elsewhere in the form does not render it).
 */
export const SuggestingTextField = memo(function SuggestingTextField({ store, source, ...props }: TextFieldProps & { store: SuggestionStore; source: SuggestSource }) {
  const combo = useSyncExternalStore(store.subscribe, () => {
    const s = store.get();
    const open = s.source === source && s.rows.length > 0;
    return open ? `open:${s.active}` : 'closed';
  });
  const open = combo !== 'closed';
  const active = open ? Number(combo.slice(5)) : -1;
  const listId = listIdOf(source);
  const slotProps = props.slotProps ?? {};
  return (
    <TextField
      {...props}
      slotProps={{
        ...slotProps,
        htmlInput: {
          ...((slotProps as { htmlInput?: object }).htmlInput ?? {}),
          role: 'combobox',
          'aria-expanded': open,
          'aria-controls': listId,
          'aria-autocomplete': 'list',
          'aria-activedescendant': open && active >= 0 ? `${listId}-${active}` : undefined,
        },
      }}
    />
  );
});

export const SuggestionList = memo(function SuggestionList({ store, source, onPick }: { store: SuggestionStore; source: SuggestSource; onPick: (row: SuggestionRow) => void }) {
  const { t, i18n } = useTranslation('visitors');
  const state = useSyncExternalStore(store.subscribe, store.get);
  const shown = state.source === source && state.rows.length > 0;
  // Suggestion latency (bench): keystroke → these rows committed to the DOM.
  useEffect(() => {
    if (shown && store.typedAt !== undefined) {
      recordMetric('visitorSuggestMs', performance.now() - store.typedAt);
      store.typedAt = undefined;
    }
  }, [shown, state.rows, store]);
  if (!shown) return null;
  const listId = listIdOf(source);
  return (
    <Paper variant="outlined" sx={{ mt: 0.5 }}>
      <List id={listId} role="listbox" aria-label={t('form.suggestions')} dense disablePadding>
        {state.rows.map((row, i) => (
          <ListItemButton key={row.visitor.id} id={`${listId}-${i}`} role="option" aria-selected={i === state.active} selected={i === state.active} tabIndex={-1} onClick={() => onPick(row)}>
            <ListItemText
              primary={[row.visitor.name, row.visitor.company].filter(Boolean).join(' · ')}
              secondary={[
                row.host ? `${t('form.host')}: ${row.host.name}` : undefined,
                row.lastVisit?.purpose,
                row.visitor.lastVisitAt ? t('form.lastVisit', { date: formatDateTime(row.visitor.lastVisitAt, i18n.language) }) : undefined,
              ].filter(Boolean).join(' · ')}
            />
          </ListItemButton>
        ))}
      </List>
    </Paper>
  );
});
