// Returning visitors while the desk types (name, organisation or phone): one bounded lookup per
// keystroke through the visitor repository (one read transaction for the suggestions, their last visits
// and hosts), answers of superseded keystrokes dropped, and ↑/↓/Enter/Escape on the field that owns the list.
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { phoneQuery } from '@shared/phone/phoneKey';
import type { FrontDeskDatabase } from '../../db';
import { repositoriesOf } from '../../db';
import { recordMetric } from '../../platform/metrics';
import { SuggestionStore, type SuggestionRow, type SuggestSource } from './suggestionStore';

export interface VisitorSuggestions {
  store: SuggestionStore;
  /** Looks up what was typed in a field; short input closes the list. */
  lookup: (source: SuggestSource, text: string) => void;
  close: () => void;
  /** Keyboard handling of a field with suggestions; Enter on a highlighted row picks it. */
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>, pick: (row: SuggestionRow) => void) => void;
}

export function useVisitorSuggestions(db: FrontDeskDatabase): VisitorSuggestions {
  const store = useMemo(() => new SuggestionStore(), []);
  const seq = useRef(0);

  return useMemo(() => {
    const setSuggest = store.set;
    const lookup = (source: SuggestSource, text: string) => {
      const mine = ++seq.current;
      const started = performance.now();
      const query = source === 'phone' ? phoneQuery(text) : text.trim();
      const long = source === 'phone' ? query.length >= 3 : [...query].length >= 2 || /\p{Script=Han}/u.test(query);
      if (!long) {
        setSuggest({ source, rows: [], active: -1 });
        return;
      }
      void repositoriesOf(db)
        .visitors.suggestForRegistration(query, { limit: 6 })
        .then((rows) => {
          recordMetric('visitorSuggestQueryMs', performance.now() - started);
          if (mine !== seq.current) return;
          store.typedAt = started;
          setSuggest({ source, rows, active: -1 });
        })
        .catch(() => undefined);
    };

    const close = () => {
      seq.current += 1;
      setSuggest((s) => ({ ...s, rows: [], active: -1 }));
    };

    const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, pick: (row: SuggestionRow) => void) => {
      const suggest = store.get();
      const rows = suggest.rows;
      if (event.key === 'ArrowDown' && rows.length) {
        event.preventDefault();
        setSuggest((s) => ({ ...s, active: (s.active + 1) % s.rows.length }));
      } else if (event.key === 'ArrowUp' && rows.length) {
        event.preventDefault();
        setSuggest((s) => ({ ...s, active: s.active <= 0 ? s.rows.length - 1 : s.active - 1 }));
      } else if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey && suggest.active >= 0 && rows[suggest.active]) {
        event.preventDefault();
        pick(rows[suggest.active]!);
      } else if (event.key === 'Escape' && rows.length) {
        event.preventDefault();
        event.stopPropagation();
        close();
      }
    };

    return { store, lookup, close, onKeyDown };
  }, [db, store]);
}
