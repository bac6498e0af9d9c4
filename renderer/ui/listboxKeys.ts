// ↑/↓ in a text field that drives a suggestion list: the next highlighted row, wrapping around.
// With nothing highlighted (active < 0), ↓ goes to the first row and ↑ to the last, as in every
// combobox (WAI-ARIA APG, "Combobox"). Returns undefined for any other key (or an empty list), so the
// field handles it as usual.
export function nextActiveIndex(key: string, active: number, count: number): number | undefined {
  if (count === 0) return undefined;
  const none = active < 0 || active >= count;
  if (key === 'ArrowDown') return none ? 0 : (active + 1) % count;
  if (key === 'ArrowUp') return none ? count - 1 : (active - 1 + count) % count;
  return undefined;
}

/** The ARIA attributes of a text field that drives a listbox of suggestions (WAI-ARIA combobox pattern). */
export function comboboxInputAttributes(listId: string, open: boolean, active: number) {
  return {
    role: 'combobox',
    'aria-expanded': open,
    'aria-controls': listId,
    'aria-autocomplete': 'list',
    'aria-activedescendant': open ? `${listId}-${active}` : undefined,
  } as const;
}
