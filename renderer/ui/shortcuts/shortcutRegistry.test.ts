import { describe, expect, it, vi } from 'vitest';
import { ShortcutRegistry, ShortcutConflictError, combinationOf, normaliseCombination } from './shortcutRegistry';

function key(init: KeyboardEventInit & { target?: HTMLElement }): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  if (init.target) {
    init.target.dispatchEvent(event);
  }
  return event;
}

const base = { descriptionKey: 'd', groupKey: 'g' };

describe('shortcut combinations', () => {
  it('normalises written combinations', () => {
    expect(normaliseCombination('alt+1')).toBe('Alt+1');
    expect(normaliseCombination('Shift + ctrl + k')).toBe('Ctrl+Shift+K');
    expect(normaliseCombination('f1')).toBe('F1');
    expect(normaliseCombination('esc')).toBe('Escape');
  });
  it('reads events: Alt+digit by physical key, Shift ignored for symbols', () => {
    expect(combinationOf({ key: '¡', code: 'Digit1', altKey: true, ctrlKey: false, shiftKey: false, metaKey: false })).toBe('Alt+1');
    expect(combinationOf({ key: '?', code: 'Slash', altKey: false, ctrlKey: false, shiftKey: true, metaKey: false })).toBe('?');
    expect(combinationOf({ key: 'k', code: 'KeyK', altKey: false, ctrlKey: true, shiftKey: true, metaKey: false })).toBe('Ctrl+Shift+K');
  });
});

describe('ShortcutRegistry', () => {
  it('runs the bound handler and refuses a second action on the same keys', () => {
    const registry = new ShortcutRegistry();
    const handler = vi.fn();
    registry.register({ ...base, id: 'a', keys: 'Alt+1', handler });
    expect(() => registry.register({ ...base, id: 'b', keys: 'alt+1', handler: vi.fn() })).toThrow(ShortcutConflictError);
    expect(registry.dispatch(key({ key: '1', code: 'Digit1', altKey: true }))).toBe(true);
    expect(handler).toHaveBeenCalledOnce();
  });

  it('does not fire plain keys while typing in a text field, but fires F-keys', () => {
    const registry = new ShortcutRegistry();
    const plain = vi.fn();
    const fkey = vi.fn();
    registry.register({ ...base, id: 'help', keys: '?', handler: plain });
    registry.register({ ...base, id: 'f1', keys: 'F1', handler: fkey });
    const input = document.createElement('input');
    document.body.append(input);
    let fired = false;
    input.addEventListener('keydown', (e) => { fired = registry.dispatch(e) || fired; });
    key({ key: '?', code: 'Slash', shiftKey: true, target: input });
    expect(plain).not.toHaveBeenCalled();
    key({ key: 'F1', code: 'F1', target: input });
    expect(fkey).toHaveBeenCalledOnce();
    expect(fired).toBe(true);
    input.remove();
  });

  it('unregisters and lists what is bound', () => {
    const registry = new ShortcutRegistry();
    const off = registry.register({ ...base, id: 'x', keys: 'Ctrl+K', handler: vi.fn() });
    expect(registry.list().map((s) => s.keys)).toEqual(['Ctrl+K']);
    off();
    expect(registry.list()).toEqual([]);
    expect(registry.dispatch(key({ key: 'k', code: 'KeyK', ctrlKey: true }))).toBe(false);
  });
});

describe('shortcuts that promise a field', () => {
  it('asks for the focus target after the handler ran, and only for shortcuts that declare one', () => {
    const calls: string[] = [];
    const registry = new ShortcutRegistry({ requestFocus: (id) => calls.push(`focus ${id}`) });
    registry.register({ ...base, id: 'dial', keys: 'Ctrl+D', focusTarget: 'switchboard.dial', handler: () => calls.push('navigate') });
    registry.register({ ...base, id: 'help', keys: 'F1', handler: () => calls.push('help') });
    registry.dispatch(key({ key: 'd', code: 'KeyD', ctrlKey: true }));
    registry.dispatch(key({ key: 'F1', code: 'F1' }));
    expect(calls).toEqual(['navigate', 'focus switchboard.dial', 'help']);
    expect(registry.list().find((s) => s.id === 'dial')?.focusTarget).toBe('switchboard.dial');
  });
});
