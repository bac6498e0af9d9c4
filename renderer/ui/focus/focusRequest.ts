// "Go to that field" as a request the field claims, not a guess about when it will exist. A shortcut
// that opens a screen and promises a field (Ctrl+D → the dial box) asks for the field by id; the field
// registers itself under that id when it mounts. The request is met as soon as the field exists and can
// take the focus, however long its screen's code takes to load (screens load lazily): at once when the
// field is already there, otherwise when it registers or when the page changes (a tab or dialog shown).
// A newer request replaces an older one; a click elsewhere or a move to another screen drops it, so a
// stale request never pulls the cursor away later.

/** Marks the element that is a focus target (tests read which target holds the focus from it). */
export const FOCUS_TARGET_ATTRIBUTE = 'data-focus-target';

export interface FocusTargetOptions {
  /** Select the field's text when a request focuses it (a new registration over the previous name). */
  select?: boolean;
}

interface Target {
  element: () => HTMLElement | null;
  options: FocusTargetOptions;
}

interface Pending {
  id: string;
  hash: string;
}

const targets = new Map<string, Target>();
let pending: Pending | null = null;
let observer: MutationObserver | null = null;

function focusable(target: Target): HTMLElement | null {
  const element = target.element();
  return element?.isConnected ? element : null;
}

function holdsFocus(element: HTMLElement): boolean {
  return document.activeElement === element;
}

/** Tries to meet the pending request; true when there is none left. */
function tryFulfil(): boolean {
  if (!pending) return true;
  const target = targets.get(pending.id);
  const element = target && focusable(target);
  if (!target || !element) return false;
  // focus() does nothing on an element that is hidden (a tab panel not shown yet): keep waiting then.
  if (!holdsFocus(element)) element.focus();
  if (!holdsFocus(element)) return false;
  if (target.options.select && element instanceof HTMLInputElement) element.select();
  stopWaiting();
  return true;
}

function onPageChanged(): void {
  tryFulfil();
}

function onPointerDown(): void {
  // The person chose where to go themselves.
  stopWaiting();
}

function onHashChange(): void {
  if (pending && window.location.hash !== pending.hash) stopWaiting();
}

function startWaiting(): void {
  if (observer) return;
  observer = new MutationObserver(onPageChanged);
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ['hidden', 'style', 'class', 'aria-hidden', 'disabled', 'inert'] });
  window.addEventListener('pointerdown', onPointerDown, true);
  window.addEventListener('hashchange', onHashChange);
}

function stopWaiting(): void {
  pending = null;
  observer?.disconnect();
  observer = null;
  window.removeEventListener('pointerdown', onPointerDown, true);
  window.removeEventListener('hashchange', onHashChange);
}

/**
 * Asks for the focus to move to the target registered as `id`, now or as soon as it exists. Call it
 * after any navigation the action does: the request belongs to the screen shown at that moment.
 */
export function requestFocus(id: string): void {
  pending = { id, hash: window.location.hash };
  if (!tryFulfil()) startWaiting();
}

/** The id of the request still waiting for its field, if any. */
export function pendingFocusRequest(): string | undefined {
  return pending?.id;
}

/** Registers a focus target; a request waiting for it is met now if the element can take the focus. */
export function registerFocusTarget(id: string, element: () => HTMLElement | null, options: FocusTargetOptions = {}): () => void {
  const target: Target = { element, options };
  targets.set(id, target);
  focusable(target)?.setAttribute(FOCUS_TARGET_ATTRIBUTE, id);
  if (pending?.id === id) tryFulfil();
  return () => {
    if (targets.get(id) === target) targets.delete(id);
  };
}
