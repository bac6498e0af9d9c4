// Placeholder: the printable visitor badge.
export function BadgeDialog(_props: { visitId: string; open: boolean; onClose: () => void }) {
  return null;
}
