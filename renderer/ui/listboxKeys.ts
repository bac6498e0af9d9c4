// ↑/↓ in a text field that drives a suggestion list: the next highlighted row, wrapping around.
// Returns undefined for any other key (or an empty list), so the field handles it as usual.
export function nextActiveIndex(key: string, active: number, count: number): number | undefined {
  if (count === 0) return undefined;
  if (key === 'ArrowDown') return (active + 1) % count;
  if (key === 'ArrowUp') return (active - 1 + count) % count;
  return undefined;
}
