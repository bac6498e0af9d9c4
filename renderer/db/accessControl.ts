// Who is signed in at the desk and what they may do. The write path asks it in commit() before a row is
// written, the repositories ask it before they read a confidential table, and the screens read it to hide
// what the person lacks (shared/auth/permissions.ts is the matrix).
//
// Two modes. 'open' (the default, so unit tests that build a database keep working): with nobody signed in
// every write is allowed and audited as the desk; with somebody signed in their roles decide. 'enforced'
// (the app turns it on before its first screen): nobody signed in means every write and every confidential
// read is refused.
import { createStore, type Store } from '@shared/store/createStore';
import type { OperatorRole } from '@shared/domain/desk';
import { OPERATOR_ROLES } from '@shared/domain/plain/desk';
import { canDo, canRead, canWrite, fieldVisibility, TABLE_ACTIONS, type ChangeKind, type SpecialAction, type Visibility } from '@shared/auth/permissions';
import { PermissionDeniedError } from './writeErrors';

export interface Principal {
  operatorId: string;
  name: string;
  roles: OperatorRole[];
}

export interface AccessState {
  principal: Principal | null;
  /** The desk is locked (the person stays signed in; the lock screen shows nothing confidential). */
  locked: boolean;
  enforced: boolean;
}

export class AccessControl {
  readonly state: Store<AccessState> = createStore<AccessState>({ principal: null, locked: false, enforced: false });

  constructor(private readonly onActor: (operatorId: string | null) => void = () => {}) {}

  /** Sign-in is required from now on: no signed-in person, no write. */
  enforce(): void {
    this.state.set({ ...this.state.get(), enforced: true });
  }

  get principal(): Principal | null {
    return this.state.get().principal;
  }

  setPrincipal(principal: Principal | null): void {
    this.state.set({ ...this.state.get(), principal, locked: false });
    this.onActor(principal?.operatorId ?? null);
  }

  setLocked(locked: boolean): void {
    this.state.set({ ...this.state.get(), locked });
  }

  /** The roles that decide, or null when everything is allowed (open mode, nobody signed in). */
  private rolesOrAll(): readonly OperatorRole[] | null {
    const { principal, enforced } = this.state.get();
    if (principal) return principal.roles;
    return enforced ? [] : null;
  }

  roles(): readonly OperatorRole[] {
    return this.rolesOrAll() ?? OPERATOR_ROLES;
  }

  mayWrite(table: string, kind: ChangeKind): boolean {
    const roles = this.rolesOrAll();
    if (roles === null) return true;
    const action = TABLE_ACTIONS[table];
    return canWrite(roles, table, kind) && (action === undefined || canDo(roles, action));
  }

  mayRead(table: string): boolean {
    const roles = this.rolesOrAll();
    return roles === null || canRead(roles, table);
  }

  mayDo(action: SpecialAction): boolean {
    const roles = this.rolesOrAll();
    return roles === null || canDo(roles, action);
  }

  visibility(field: 'idNumber' | 'phone'): Visibility {
    const roles = this.rolesOrAll();
    return roles === null ? 'full' : fieldVisibility(roles, field);
  }

  private refuse(permission: string): never {
    throw new PermissionDeniedError(permission, this.principal?.operatorId ?? null);
  }

  assertWrite(table: string, kind: ChangeKind): void {
    if (!this.mayWrite(table, kind)) this.refuse(`${table}:${kind}`);
  }

  assertRead(table: string): void {
    if (!this.mayRead(table)) this.refuse(`${table}:read`);
  }

  assertAction(action: SpecialAction): void {
    if (!this.mayDo(action)) this.refuse(action);
  }
}
