// Staff accounts of the console (who may sign in, with which roles) and the sign-in itself: the first
// supervisor on first run, PIN/password checks with the lock-out of shared/auth/lockout.ts, resets by a
// supervisor. Secrets are hashed before any transaction opens (renderer/db/secretHash.ts; an IndexedDB
// transaction would commit while WebCrypto works) and only the hash is stored; nothing reads a PIN back.
import type { Operator, OperatorRole } from '@shared/domain/desk';
import { OPERATOR_ROLES, rolesOf } from '@shared/domain/plain/desk';
import type { NewRecord } from '@shared/domain/record';
import { afterAttempt, lockedUntil } from '@shared/auth/lockout';
import { secretProblem } from '@shared/auth/credentials';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import type { Principal } from './accessControl';
import { RecordRepository, ValidationError } from './recordRepository';
import { hashSecret, verifySecret } from './secretHash';
import { AUTHENTICATION } from './writePath';
import { newId } from './ids';

export interface PersonInput {
  name: string;
  roles: readonly OperatorRole[];
  secret: string;
}

/** A person as the sign-in screen may list them: a name and an id, nothing else. */
export interface SignInName {
  id: string;
  name: string;
}

export type SignInOutcome =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'unknown' }
  | { ok: false; reason: 'wrong'; attemptsLeft: number }
  | { ok: false; reason: 'locked'; lockedUntil: number };

export type SignInPurpose = 'signIn' | 'unlock' | 'switch';

export function operatorNameKey(name: string): string {
  return name.trim().normalize('NFKC').toLowerCase();
}

function checkedRoles(roles: readonly OperatorRole[]): OperatorRole[] {
  const unique = OPERATOR_ROLES.filter((r) => roles.includes(r));
  if (unique.length === 0) throw new ValidationError({ roles: 'rolesEmpty' });
  return unique;
}

async function hashChecked(secret: string): Promise<string> {
  const problem = secretProblem(secret);
  if (problem) throw new ValidationError({ secret: problem });
  return hashSecret(secret);
}

export function principalOf(operator: Operator): Principal {
  return { operatorId: operator.id, name: operator.name, roles: rolesOf(operator) };
}

export class OperatorRepository extends RecordRepository<'operators'> {
  constructor(db: FrontDeskDatabase) {
    super(db, 'operators');
  }

  protected override describe(record: Operator): string {
    return `operator ${record.name} (${rolesOf(record).join('+')})`;
  }

  /** Rows read by the sign-in code itself, before anybody is signed in. */
  private get accounts() {
    return this.db.typedTable('operators');
  }

  /** First run: nobody can sign in yet, so the console asks for a supervisor. */
  async needsFirstRun(): Promise<boolean> {
    const rows = await this.accounts.toArray();
    return !rows.some((r) => r.deletedAt === undefined && r.active === 1 && r.pinHash && rolesOf(r).includes('supervisor'));
  }

  /** Who can sign in (names only: the sign-in screen shows nothing else). */
  async signInNames(): Promise<SignInName[]> {
    const rows = await this.accounts.toArray();
    return rows
      .filter((r) => r.deletedAt === undefined && r.active === 1 && r.pinHash)
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((r) => ({ id: r.id, name: r.name }));
  }

  /** The first supervisor (first run only; refused once one exists). Holds every role unless told otherwise. */
  async setUpSupervisor(input: { name: string; secret: string; roles?: readonly OperatorRole[] }): Promise<Principal> {
    const pinHash = await hashChecked(input.secret);
    const roles = checkedRoles(input.roles ?? OPERATOR_ROLES);
    if (!roles.includes('supervisor')) throw new ValidationError({ roles: 'supervisorRequired' });
    return this.transaction(async () => {
      if (!(await this.needsFirstRun())) throw new ValidationError({ name: 'alreadySetUp' });
      const fields = this.fieldsOf(input.name, roles, pinHash);
      const id = newId();
      const record = await this.writes.create('operators', fields, (r) => ({ action: 'create', summary: `first-run set-up: supervisor ${r.name} (${roles.join('+')})` }), { authority: AUTHENTICATION, id, actorId: id });
      // The set-up is the supervisor's own act: the entry names them.
      await this.writes.audit({ action: 'signIn', entityTable: 'operators', entityId: record.id, summary: `${record.name} signed in (first run)` }, { authority: AUTHENTICATION, actorId: record.id });
      return principalOf(record);
    });
  }

  /** A new person (editStaff: supervisors). */
  async addPerson(input: PersonInput): Promise<Operator> {
    this.db.access.assertAction('editStaff');
    const pinHash = await hashChecked(input.secret);
    const roles = checkedRoles(input.roles);
    return this.transaction(async () => {
      await this.assertNameFree(input.name, undefined);
      return this.writes.create('operators', this.fieldsOf(input.name, roles, pinHash), (r) => ({ action: 'create', summary: `added ${this.describe(r)}` }));
    });
  }

  async setRoles(id: string, roles: readonly OperatorRole[]): Promise<Operator> {
    this.db.access.assertAction('editStaff');
    const checked = checkedRoles(roles);
    return this.transaction(async () => {
      const existing = await this.live(id);
      return this.writes.patch('operators', existing, { roles: checked, role: checked[0]! }, { action: 'update', summary: `roles of ${existing.name}: ${rolesOf(existing).join('+')} → ${checked.join('+')}` });
    });
  }

  async setActive(id: string, active: boolean): Promise<Operator> {
    this.db.access.assertAction('editStaff');
    return this.transaction(async () => {
      const existing = await this.live(id);
      return this.writes.patch('operators', existing, { active: active ? 1 : 0 }, { action: 'update', summary: `${existing.name} ${active ? 'may sign in again' : 'may no longer sign in'}` });
    });
  }

  /** A supervisor sets a new PIN for somebody (who forgot theirs); the lock-out ends with it. */
  async resetPin(id: string, secret: string): Promise<Operator> {
    this.db.access.assertAction('resetPin');
    const pinHash = await hashChecked(secret);
    return this.transaction(async () => {
      const existing = await this.live(id);
      return this.writes.patch('operators', existing, { pinHash, failedAttempts: 0, lockedUntil: undefined }, { action: 'resetPin', summary: `PIN of ${existing.name} reset` });
    });
  }

  /**
   * Checks a person's secret. A wrong one counts towards the lock-out (audited; the lock too); a locked
   * account refuses even the right one until the lock ends. The entries name the person whose account it is.
   */
  async verify(operatorId: string, secret: string, purpose: SignInPurpose = 'signIn', now: number = Date.now()): Promise<SignInOutcome> {
    const account = await this.accounts.get(operatorId);
    if (!account || account.deletedAt !== undefined || account.active !== 1 || !account.pinHash) return { ok: false, reason: 'unknown' };
    const state = { failedAttempts: account.failedAttempts ?? 0, ...(account.lockedUntil !== undefined ? { lockedUntil: account.lockedUntil } : {}) };
    const locked = lockedUntil(state, now);
    if (locked !== null) return { ok: false, reason: 'locked', lockedUntil: locked };
    const ok = await verifySecret(secret, account.pinHash);
    const next = afterAttempt(state, ok, now);
    const context = { authority: AUTHENTICATION, actorId: account.id, at: now } as const;
    return this.transaction(async () => {
      const current = (await this.accounts.get(operatorId)) ?? account;
      if (ok) {
        if (state.failedAttempts > 0 || state.lockedUntil !== undefined) {
          await this.writes.patch('operators', current, { failedAttempts: 0, lockedUntil: undefined }, null, context);
        }
        return { ok: true, principal: principalOf(current) };
      }
      await this.writes.patch('operators', current, { failedAttempts: next.failedAttempts, lockedUntil: next.lockedUntil }, {
        action: 'signInFailed', summary: `wrong PIN for ${current.name} (${purpose}, ${next.failedAttempts} in a row)`,
      }, context);
      if (next.lockedUntil !== undefined) {
        await this.writes.audit({ action: 'lockOut', entityTable: 'operators', entityId: current.id, summary: `${current.name} locked out for ${Math.round((next.lockedUntil - now) / 60_000)} min after ${next.failedAttempts} wrong attempts` }, context);
        return { ok: false, reason: 'locked', lockedUntil: next.lockedUntil };
      }
      return { ok: false, reason: 'wrong', attemptsLeft: Math.max(0, 5 - next.failedAttempts) };
    });
  }

  /** The person as they are stored now (a reload restores the session from this). */
  async principal(operatorId: string): Promise<Principal | undefined> {
    const account = await this.accounts.get(operatorId);
    return account && account.deletedAt === undefined && account.active === 1 ? principalOf(account) : undefined;
  }

  private fieldsOf(name: string, roles: OperatorRole[], pinHash: string): NewRecord<Operator> {
    return { name: name.trim(), nameKey: operatorNameKey(name), role: roles[0]!, roles, pinHash, failedAttempts: 0, active: 1 };
  }

  private async assertNameFree(name: string, exceptId: string | undefined): Promise<void> {
    const key = operatorNameKey(name);
    const same = await this.accounts.where('nameKey').equals(key).filter((r) => r.deletedAt === undefined && r.id !== exceptId).count();
    if (same > 0) throw new ValidationError({ name: 'nameTaken' });
  }
}
