import { afterEach, describe, expect, it } from 'vitest';
import { FOCUS_TARGET_ATTRIBUTE, pendingFocusRequest, registerFocusTarget, requestFocus } from './focusRequest';

function input(name: string): HTMLInputElement {
  const el = document.createElement('input');
  el.name = name;
  return el;
}

/** Lets the MutationObserver callbacks (microtasks) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  document.body.innerHTML = '';
  window.location.hash = '';
});

describe('focus requests', () => {
  it('focuses a target that is already there at once', () => {
    const el = input('dial');
    document.body.append(el);
    const unregister = registerFocusTarget('dial', () => el);
    requestFocus('dial');
    expect(document.activeElement).toBe(el);
    expect(el.getAttribute(FOCUS_TARGET_ATTRIBUTE)).toBe('dial');
    expect(pendingFocusRequest()).toBeUndefined();
    unregister();
  });

  it('waits for a target that mounts later (a lazily loaded screen) and focuses it when it registers', () => {
    requestFocus('dial');
    expect(pendingFocusRequest()).toBe('dial');
    const el = input('dial');
    document.body.append(el);
    const unregister = registerFocusTarget('dial', () => el);
    expect(document.activeElement).toBe(el);
    expect(pendingFocusRequest()).toBeUndefined();
    unregister();
  });

  it('waits for a registered element that is not in the page yet, and takes it when the page changes', async () => {
    const el = input('name');
    const unregister = registerFocusTarget('name', () => el);
    requestFocus('name');
    expect(document.activeElement).not.toBe(el);
    document.body.append(el);
    await settle();
    expect(document.activeElement).toBe(el);
    unregister();
  });

  it('selects the text when the target asks for it', () => {
    const el = input('name');
    el.value = '张三';
    document.body.append(el);
    const unregister = registerFocusTarget('name', () => el, { select: true });
    requestFocus('name');
    expect([el.selectionStart, el.selectionEnd]).toEqual([0, 2]);
    unregister();
  });

  it('drops a request when the person clicks elsewhere or another screen is shown, so it never fires later', async () => {
    requestFocus('dial');
    window.dispatchEvent(new Event('pointerdown'));
    expect(pendingFocusRequest()).toBeUndefined();

    requestFocus('dial');
    window.location.hash = '#/directory';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(pendingFocusRequest()).toBeUndefined();
    const el = input('dial');
    document.body.append(el);
    const unregister = registerFocusTarget('dial', () => el);
    await settle();
    expect(document.activeElement).not.toBe(el);
    unregister();
  });

  it('a newer request replaces an older one', () => {
    requestFocus('a');
    requestFocus('b');
    const a = input('a');
    const b = input('b');
    document.body.append(a, b);
    const offA = registerFocusTarget('a', () => a);
    expect(document.activeElement).not.toBe(a);
    const offB = registerFocusTarget('b', () => b);
    expect(document.activeElement).toBe(b);
    offA();
    offB();
  });
});
