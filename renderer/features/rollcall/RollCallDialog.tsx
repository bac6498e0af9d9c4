// Placeholder: the emergency roll call.
export function RollCallDialog(_props: { open: boolean; onClose: () => void }) {
  return null;
}
