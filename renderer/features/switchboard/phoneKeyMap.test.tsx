// The switchboard's key map, bound through the real shortcut registry: each key (README "Keyboard
// shortcuts") runs its own action and nothing else, and no key is bound twice for any answer key the
// settings offer.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { ShortcutProvider } from '../../ui/shortcuts/ShortcutProvider';
import { ShortcutRegistry, normaliseCombination } from '../../ui/shortcuts/shortcutRegistry';
import { phoneKeyMap, usePhoneKeyMap, type PhoneKeyAction, type PhoneKeyBinding, type PhoneKeyHandlers } from './phoneKeyMap';

afterEach(cleanup);

const ACTIONS: PhoneKeyAction[] = ['answer', 'hangup', 'hold', 'mute', 'transfer', 'consult', 'complete', 'returnToCaller', 'takeBack', 'keypad', 'dial', 'selectLine'];
/** The answer keys the phone settings offer (features/settings/PhoneSettingsForm.tsx, ANSWER_KEYS). */
const ANSWER_KEYS = ['F2', 'F3', 'F12', 'Insert', 'Pause'];

function bind(answerKey: string) {
  const calls: Array<{ action: PhoneKeyAction; binding: PhoneKeyBinding }> = [];
  const handlers = Object.fromEntries(ACTIONS.map((action) => [action, vi.fn((binding: PhoneKeyBinding) => calls.push({ action, binding }))])) as unknown as PhoneKeyHandlers;
  const registry = new ShortcutRegistry();
  function Probe() {
    usePhoneKeyMap(answerKey, handlers);
    return null;
  }
  render(
    <ShortcutProvider registry={registry}>
      <Probe />
    </ShortcutProvider>,
  );
  return { calls, registry };
}

function press(combination: string) {
  const parts = combination.split('+');
  const key = parts.at(-1)!;
  fireEvent.keyDown(window, {
    key: /^\d$/.test(key) ? key : key.length === 1 ? key.toLowerCase() : key,
    code: /^\d$/.test(key) ? `Digit${key}` : key.length === 1 ? `Key${key}` : key,
    ctrlKey: parts.includes('Ctrl'),
    altKey: parts.includes('Alt'),
  });
}

describe('phone key map', () => {
  it.each([
    ['F2', 'answer'],
    ['F4', 'hangup'],
    ['F5', 'hold'],
    ['F6', 'mute'],
    ['F7', 'transfer'],
    ['F8', 'consult'],
    ['F9', 'complete'],
    ['F10', 'returnToCaller'],
    ['Alt+K', 'keypad'],
    ['Alt+H', 'takeBack'],
    ['Ctrl+D', 'dial'],
  ] as const)('%s runs %s and nothing else', (keys, action) => {
    const { calls } = bind('F2');
    press(keys);
    expect(calls.map((c) => c.action)).toEqual([action]);
  });

  it('Ctrl+1 … Ctrl+8 select lines 1 … 8 (a desk has up to 8 lines)', () => {
    const { calls } = bind('F2');
    const lines = [1, 2, 3, 4, 5, 6, 7, 8];
    for (const n of lines) press(`Ctrl+${n}`);
    expect(calls.map((c) => [c.action, c.binding.lineNo])).toEqual(lines.map((n) => ['selectLine', n]));
  });

  it('answers with the key the desk configured instead of F2', () => {
    const { calls } = bind('F12');
    press('F2');
    expect(calls).toEqual([]);
    press('F12');
    expect(calls.map((c) => c.action)).toEqual(['answer']);
  });

  it.each(ANSWER_KEYS)('binds no key twice with answer key %s', (answerKey) => {
    const keys = phoneKeyMap(answerKey).map((b) => normaliseCombination(b.keys));
    expect(new Set(keys).size).toBe(keys.length);
    const ids = phoneKeyMap(answerKey).map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    // The registry refuses a taken combination, so binding the whole map would throw on a duplicate.
    const { registry } = bind(answerKey);
    expect(registry.list().filter((s) => s.id.startsWith('phone.'))).toHaveLength(keys.length);
  });

  it('every action has a key', () => {
    const bound = new Set(phoneKeyMap().map((b) => b.action));
    expect([...bound].sort()).toEqual([...ACTIONS].sort());
  });
});
