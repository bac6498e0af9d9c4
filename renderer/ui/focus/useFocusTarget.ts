// The field's side of a focus request (focusRequest.ts): a field promised by a shortcut registers
// itself under the shortcut's focusTarget id while it is mounted.
import { useCallback, useEffect, useRef, type RefObject } from 'react';
import { registerFocusTarget, type FocusTargetOptions } from './focusRequest';

/**
 * A callback ref for the promised field (`inputRef={useFocusTarget('switchboard.dial')}`): the field
 * registers when its element mounts, whenever that is (a lazily loaded screen, a dialog opening).
 */
export function useFocusTarget<T extends HTMLElement>(id: string, options: FocusTargetOptions = {}): (element: T | null) => void {
  const select = options.select ?? false;
  const unregister = useRef<(() => void) | undefined>(undefined);
  return useCallback(
    (element: T | null) => {
      unregister.current?.();
      unregister.current = element ? registerFocusTarget(id, () => element, { select }) : undefined;
    },
    [id, select],
  );
}

/**
 * The same for a field reached through a ref object that the calling component's children fill in
 * (a form field the screen owns a ref to): registers once the component has mounted.
 */
export function useFocusTargetRef(id: string, ref: RefObject<HTMLElement | null>, options: FocusTargetOptions = {}): void {
  const select = options.select ?? false;
  useEffect(() => registerFocusTarget(id, () => ref.current, { select }), [id, ref, select]);
}
