// The desk's session as the screens see it: who is signed in, their roles, whether the desk is locked.
import { useSyncExternalStore } from 'react';
import { canDo, canSeeScreen, fieldVisibility, type SpecialAction, type Visibility } from '@shared/auth/permissions';
import { maskIdFor, maskPhoneFor } from '@shared/auth/masking';
import type { OperatorRole } from '@shared/domain/desk';
import { OPERATOR_ROLES } from '@shared/domain/plain/desk';
import { sessionOf, useDatabase, type AccessState, type SessionService } from '../../db';

export function useSessionService(): SessionService {
  return sessionOf(useDatabase());
}

export function useSession(): AccessState {
  const db = useDatabase();
  return useSyncExternalStore(db.access.state.subscribe, db.access.state.get);
}

/** The signed-in person's roles; every role with nobody signed in before sign-in is enforced (component tests). */
export function useRoles(): readonly OperatorRole[] {
  const { principal, enforced } = useSession();
  return principal ? principal.roles : enforced ? [] : OPERATOR_ROLES;
}

export function useCan(action: SpecialAction): boolean {
  return canDo(useRoles(), action);
}

export function useScreenAllowed(): (screen: string) => boolean {
  const roles = useRoles();
  return (screen) => canSeeScreen(roles, screen);
}

/** Masks ID and phone numbers as the person's roles require (screen, print and export made by them). */
export function useMasking(): { idNumber: (value: string | undefined) => string; phone: (value: string | undefined) => string; visibility: Record<'idNumber' | 'phone', Visibility> } {
  const roles = useRoles();
  const visibility = { idNumber: fieldVisibility(roles, 'idNumber'), phone: fieldVisibility(roles, 'phone') };
  return {
    visibility,
    idNumber: (value) => maskIdFor(value, visibility.idNumber),
    phone: (value) => maskPhoneFor(value, visibility.phone),
  };
}
