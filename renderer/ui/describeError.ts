// The text a person sees for a failure: faults the browser names in English (a full disk is
// "QuotaExceededError: …") are said in the desk's language with what to do; anything else keeps its own
// message (which the caller places in a translated sentence).
import { messageOf } from '@shared/errors/messageOf';
import { translate } from '../i18n';

const QUOTA_ERRORS = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/** The error's name, or the name of the error it wraps (Dexie wraps IndexedDB's as `inner`). */
function namesOf(error: unknown): string[] {
  const names: string[] = [];
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { inner?: unknown }).inner, depth++) {
    const name = (e as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
  }
  return names;
}

export function describeError(error: unknown): string {
  const names = namesOf(error);
  if (names.some((n) => QUOTA_ERRORS.has(n))) return translate('common:errors.diskFull');
  return messageOf(error);
}
