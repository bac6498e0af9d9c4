// One registry for every keyboard shortcut in the console. A key combination belongs to exactly one
// action at a time, so a key never means two different things (the switchboard relies on this: Enter
// answers or completes, never both); registering a taken combination is refused loudly.

export interface ShortcutDefinition {
  /** Stable id, e.g. 'nav.visitors'. */
  id: string;
  /** Normalised combination: modifiers in the order Ctrl, Alt, Shift, Meta, then the key ('Alt+1', 'F1', 'Ctrl+K', '?'). */
  keys: string;
  /** i18n key (with namespace) describing the action, shown in the help overlay. */
  descriptionKey: string;
  /** i18n key of the group heading in the help overlay. */
  groupKey: string;
  handler: (event: KeyboardEvent) => void;
  /** Fire even while the focus is in a text field. Defaults to true for F-keys and Ctrl/Alt/Meta combinations. */
  allowInInputs?: boolean;
  /**
   * The field this shortcut promises to put the cursor in (a focus-target id, see ui/focus). The
   * registry asks for it after the handler ran (and navigated), and the field takes the focus when it
   * exists. Declared here, not done in the handler, so every such promise is listed and tested.
   */
  focusTarget?: string;
}

export interface ShortcutRegistryOptions {
  /** Moves the focus to a focus target once it exists (ui/focus/focusRequest.ts in the console). */
  requestFocus?: (focusTarget: string) => void;
}

export class ShortcutConflictError extends Error {
  constructor(keys: string, existingId: string, newId: string) {
    super(`Shortcut ${keys} is already used by "${existingId}"; "${newId}" cannot take it too`);
    this.name = 'ShortcutConflictError';
  }
}

const MODIFIER_ORDER = ['Ctrl', 'Alt', 'Shift', 'Meta'] as const;

/** Normalises a written combination ('alt+1', 'Ctrl + k') to the registry's form ('Alt+1', 'Ctrl+K'). */
export function normaliseCombination(keys: string): string {
  const parts = keys.split('+').map((p) => p.trim()).filter(Boolean);
  if (keys.trim().endsWith('++') || keys.trim() === '+') parts.push('+');
  const mods = new Set<string>();
  let key = '';
  for (const part of parts) {
    const cap = part.length === 1 ? part.toUpperCase() : part[0]!.toUpperCase() + part.slice(1).toLowerCase();
    if (cap === 'Control' || cap === 'Ctrl') mods.add('Ctrl');
    else if (cap === 'Alt' || cap === 'Option') mods.add('Alt');
    else if (cap === 'Shift') mods.add('Shift');
    else if (cap === 'Meta' || cap === 'Cmd') mods.add('Meta');
    else key = part.length === 1 ? part.toUpperCase() : normaliseNamedKey(part);
  }
  return [...MODIFIER_ORDER.filter((m) => mods.has(m)), key].join('+');
}

function normaliseNamedKey(key: string): string {
  const lower = key.toLowerCase();
  const named: Record<string, string> = {
    esc: 'Escape', escape: 'Escape', enter: 'Enter', return: 'Enter', space: 'Space', ' ': 'Space',
    up: 'ArrowUp', down: 'ArrowDown', left: 'ArrowLeft', right: 'ArrowRight',
    arrowup: 'ArrowUp', arrowdown: 'ArrowDown', arrowleft: 'ArrowLeft', arrowright: 'ArrowRight',
    tab: 'Tab', backspace: 'Backspace', delete: 'Delete', del: 'Delete', home: 'Home', end: 'End',
    pageup: 'PageUp', pagedown: 'PageDown',
  };
  if (named[lower]) return named[lower];
  if (/^f\d{1,2}$/.test(lower)) return lower.toUpperCase();
  return key;
}

/** The combination a keyboard event stands for, in the registry's form. */
export function combinationOf(event: Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'altKey' | 'shiftKey' | 'metaKey'>): string {
  let key = event.key;
  // With Alt held, some layouts (macOS) turn digits and letters into symbols; the physical key is what the user meant.
  if (event.altKey && /^Digit\d$/.test(event.code)) key = event.code.slice(5);
  else if (event.altKey && /^Key[A-Z]$/.test(event.code)) key = event.code.slice(3);
  const printable = key.length === 1;
  const isLetterOrDigit = /^[a-z0-9]$/i.test(key);
  const mods: string[] = [];
  if (event.ctrlKey) mods.push('Ctrl');
  if (event.altKey) mods.push('Alt');
  // Shift is part of a symbol ('?' is Shift+/), so it only counts for letters, digits and named keys.
  if (event.shiftKey && (!printable || isLetterOrDigit)) mods.push('Shift');
  if (event.metaKey) mods.push('Meta');
  const name = key === ' ' ? 'Space' : printable ? key.toUpperCase() : normaliseNamedKey(key);
  return [...mods, name].join('+');
}

function isTextInput(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select' || el.isContentEditable) return true;
  if (tag !== 'input') return false;
  const type = (el as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
}

function firesInInputsByDefault(keys: string): boolean {
  return /^(Ctrl|Alt|Meta)\+/.test(keys) || /(^|\+)F\d{1,2}$/.test(keys);
}

type Listener = () => void;

export class ShortcutRegistry {
  private byKeys = new Map<string, ShortcutDefinition>();
  private listeners = new Set<Listener>();
  private cached: ShortcutDefinition[] = [];

  constructor(private readonly options: ShortcutRegistryOptions = {}) {}

  register(definition: ShortcutDefinition): () => void {
    const keys = normaliseCombination(definition.keys);
    const existing = this.byKeys.get(keys);
    if (existing && existing.id !== definition.id) throw new ShortcutConflictError(keys, existing.id, definition.id);
    const entry = { ...definition, keys };
    this.byKeys.set(keys, entry);
    this.changed();
    return () => {
      if (this.byKeys.get(keys) === entry) {
        this.byKeys.delete(keys);
        this.changed();
      }
    };
  }

  /** Runs the shortcut bound to the event, if any. Returns true when one ran. */
  dispatch(event: KeyboardEvent): boolean {
    if (event.defaultPrevented || event.isComposing) return false;
    const entry = this.byKeys.get(combinationOf(event));
    if (!entry) return false;
    const inInput = isTextInput(event.target);
    if (inInput && !(entry.allowInInputs ?? firesInInputsByDefault(entry.keys))) return false;
    event.preventDefault();
    entry.handler(event);
    if (entry.focusTarget) this.options.requestFocus?.(entry.focusTarget);
    return true;
  }

  list = (): ShortcutDefinition[] => this.cached;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    this.cached = [...this.byKeys.values()].sort((a, b) => a.groupKey.localeCompare(b.groupKey) || a.keys.localeCompare(b.keys));
    for (const l of this.listeners) l();
  }
}
