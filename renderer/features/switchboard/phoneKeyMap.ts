// The switchboard's keyboard map (README "Keyboard shortcuts"): which key does what to the line the
// keyboard acts on. Data here, bound by one hook; what each action does is in phoneKeyActions.ts.
import { useShortcut } from '../../ui/shortcuts/ShortcutProvider';

export type PhoneKeyAction =
  | 'answer'
  | 'hangup'
  | 'hold'
  | 'mute'
  | 'transfer'
  | 'consult'
  | 'complete'
  | 'returnToCaller'
  | 'takeBack'
  | 'keypad'
  | 'dial'
  | 'selectLine';

export interface PhoneKeyBinding {
  id: string;
  keys: string;
  action: PhoneKeyAction;
  descriptionKey: string;
  /** For 'selectLine': the line number the key picks. */
  lineNo?: number;
  /** The field the key puts the cursor in once it exists (ui/focus): Ctrl+D → the dial box. */
  focusTarget?: string;
}

export const PHONE_SHORTCUT_GROUP = 'switchboard:shortcuts.group';
export const DEFAULT_ANSWER_KEY = 'F2';
/** Ctrl+1 … Ctrl+8 pick a line (a desk has up to 8); the count is fixed so the hooks run in the same order every render. */
const SELECTABLE_LINES = [1, 2, 3, 4, 5, 6, 7, 8] as const;

/** The whole map; the answer key is the desk's setting (F2 unless changed). */
export function phoneKeyMap(answerKey: string = DEFAULT_ANSWER_KEY): readonly PhoneKeyBinding[] {
  return [
    { id: 'phone.answer', keys: answerKey, action: 'answer', descriptionKey: 'switchboard:shortcuts.answer' },
    { id: 'phone.hangup', keys: 'F4', action: 'hangup', descriptionKey: 'switchboard:shortcuts.hangup' },
    { id: 'phone.hold', keys: 'F5', action: 'hold', descriptionKey: 'switchboard:shortcuts.hold' },
    { id: 'phone.mute', keys: 'F6', action: 'mute', descriptionKey: 'switchboard:shortcuts.mute' },
    { id: 'phone.transfer', keys: 'F7', action: 'transfer', descriptionKey: 'switchboard:shortcuts.transfer' },
    { id: 'phone.consult', keys: 'F8', action: 'consult', descriptionKey: 'switchboard:shortcuts.consult' },
    { id: 'phone.complete', keys: 'F9', action: 'complete', descriptionKey: 'switchboard:shortcuts.complete' },
    { id: 'phone.return', keys: 'F10', action: 'returnToCaller', descriptionKey: 'switchboard:shortcuts.returnToCaller' },
    { id: 'phone.takeBack', keys: 'Alt+H', action: 'takeBack', descriptionKey: 'switchboard:shortcuts.takeBack' },
    { id: 'phone.keypad', keys: 'Alt+K', action: 'keypad', descriptionKey: 'switchboard:shortcuts.keypad' },
    { id: 'phone.dial', keys: 'Ctrl+D', action: 'dial', descriptionKey: 'switchboard:shortcuts.dial', focusTarget: 'switchboard.dial' },
    ...SELECTABLE_LINES.map((n) => ({ id: `phone.select.${n}`, keys: `Ctrl+${n}`, action: 'selectLine' as const, descriptionKey: 'switchboard:shortcuts.selectLine', lineNo: n })),
  ];
}

export type PhoneKeyHandlers = Record<PhoneKeyAction, (binding: PhoneKeyBinding) => void>;

/** Binds the whole map while the calling component is mounted. */
export function usePhoneKeyMap(answerKey: string, handlers: PhoneKeyHandlers): void {
  // The map has a fixed length for any answer key, so the hook calls below keep their order.
  for (const binding of phoneKeyMap(answerKey)) {
    useShortcut({
      id: binding.id,
      keys: binding.keys,
      descriptionKey: binding.descriptionKey,
      groupKey: PHONE_SHORTCUT_GROUP,
      focusTarget: binding.focusTarget,
      handler: () => handlers[binding.action](binding),
    });
  }
}
