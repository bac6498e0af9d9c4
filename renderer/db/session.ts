// The desk's session: who is signed in, whether the desk is locked, and the rules around it. The app builds
// one per database (sessionOf) and calls start() before its first screen; start() turns the access control
// to 'enforced', so from then on a write with nobody signed in is refused.
//
// A reload of the window keeps the session (the person and the lock) in sessionStorage, which lives as
// long as the window: the lock survives a reload, and closing the window signs the person out. Only the
// person's id is kept there; what they may do is read from their stored account each time.
import type { Handover, HandoverItem, OperatorRole } from '@shared/domain/desk';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import type { AccessState, Principal } from './accessControl';
import { OperatorRepository, type SignInOutcome } from './operatorRepository';
import { HandoverRepository } from './handoverRepository';
import { AuditLogRepository } from './auditLog';
import { SettingsRepository } from './settingsRepository';
import { AUTHENTICATION, writePathOf } from './writePath';
import { ValidationError } from './writeErrors';
import type { KeyValueStorage } from './deskContext';

export const SESSION_STORAGE_KEY = 'frontdesk.session';
export const SIGN_IN_RULE_SETTING = 'auth.signInRule';
export const IDLE_LOCK_SETTING = 'auth.idleLockMinutes';
export const DEFAULT_IDLE_LOCK_MINUTES = 5;

/** Sign-in required (the default), or not: a single-person desk runs as the supervisor who turned it off. */
export interface SignInRule {
  required: boolean;
  operatorId?: string;
}

export type SessionPhase = 'firstRun' | 'signIn' | 'signedIn';

export type UnlockOutcome = SignInOutcome | { ok: false; reason: 'notPermitted' };

type SessionStorageLike = KeyValueStorage & Partial<Pick<Storage, 'removeItem'>>;

interface StoredSession {
  operatorId: string;
  locked: boolean;
}

function defaultStorage(): SessionStorageLike | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export class SessionService {
  readonly operators: OperatorRepository;
  readonly handovers: HandoverRepository;
  private readonly audit: AuditLogRepository;
  private readonly settings: SettingsRepository;

  constructor(private readonly db: FrontDeskDatabase, private readonly storage: SessionStorageLike | null = defaultStorage()) {
    this.operators = new OperatorRepository(db);
    this.handovers = new HandoverRepository(db);
    this.audit = new AuditLogRepository(db);
    this.settings = new SettingsRepository(db);
  }

  get state(): AccessState {
    return this.db.access.state.get();
  }

  subscribe(listener: () => void): () => void {
    return this.db.access.state.subscribe(listener);
  }

  /** Before the first screen: sign-in becomes required, and the phase to show is decided. */
  async start(): Promise<SessionPhase> {
    this.db.access.enforce();
    if (await this.operators.needsFirstRun()) return 'firstRun';
    const stored = this.readStored();
    if (stored) {
      const principal = await this.operators.principal(stored.operatorId);
      if (principal) {
        this.db.access.setPrincipal(principal);
        this.db.access.setLocked(stored.locked);
        return 'signedIn';
      }
    }
    const rule = await this.signInRule();
    if (!rule.required && rule.operatorId) {
      const principal = await this.operators.principal(rule.operatorId);
      if (principal) {
        await this.begin(principal, `${principal.name} signed in automatically (sign-in not required at this desk)`);
        return 'signedIn';
      }
    }
    return 'signIn';
  }

  /** The first supervisor, signed in at once. */
  async setUp(name: string, secret: string): Promise<Principal> {
    const principal = await this.operators.setUpSupervisor({ name, secret });
    this.db.access.setPrincipal(principal);
    this.persist();
    return principal;
  }

  async signIn(operatorId: string, secret: string): Promise<SignInOutcome> {
    const outcome = await this.operators.verify(operatorId, secret, 'signIn');
    if (outcome.ok) await this.begin(outcome.principal, `${outcome.principal.name} signed in`);
    return outcome;
  }

  /** Another person takes over the desk (one shortcut and their PIN); calls and open forms stay as they are. */
  async switchTo(operatorId: string, secret: string): Promise<SignInOutcome> {
    const before = this.db.access.principal;
    const outcome = await this.operators.verify(operatorId, secret, 'switch');
    if (outcome.ok) await this.begin(outcome.principal, `${outcome.principal.name} took over the desk${before ? ` from ${before.name}` : ''}`);
    return outcome;
  }

  async lock(reason: 'idle' | 'shortcut'): Promise<void> {
    const principal = this.db.access.principal;
    if (!principal || this.state.locked) return;
    this.db.access.setLocked(true);
    this.persist();
    await this.audit.record('lock', 'operators', principal.operatorId, `desk locked (${reason === 'idle' ? 'idle' : 'Ctrl+L'})`);
  }

  /** The PIN of the person who locked the desk, or of a supervisor (who then holds the desk). */
  async unlock(operatorId: string, secret: string): Promise<UnlockOutcome> {
    const locker = this.db.access.principal;
    const candidate = await this.operators.principal(operatorId);
    if (!candidate || (candidate.operatorId !== locker?.operatorId && !candidate.roles.includes('supervisor'))) return { ok: false, reason: 'notPermitted' };
    const outcome = await this.operators.verify(operatorId, secret, 'unlock');
    if (!outcome.ok) return outcome;
    if (outcome.principal.operatorId !== locker?.operatorId) this.db.access.setPrincipal(outcome.principal);
    this.db.access.setLocked(false);
    this.persist();
    await this.audit.record('unlock', 'operators', outcome.principal.operatorId, `desk unlocked by ${outcome.principal.name}${locker && locker.operatorId !== outcome.principal.operatorId ? ` (locked by ${locker.name})` : ''}`);
    return outcome;
  }

  /** What the sign-out form pre-fills. */
  handoverPrefill(): Promise<HandoverItem[]> {
    return this.handovers.prefill();
  }

  /** End of shift: the handover note (if any) is kept, then nobody is signed in. */
  async signOut(handover?: { note: string; items: readonly HandoverItem[] }): Promise<void> {
    const principal = this.db.access.principal;
    if (!principal) return;
    if (handover) await this.handovers.write(handover.note, handover.items);
    await this.audit.record('signOut', 'operators', principal.operatorId, `${principal.name} signed out`);
    this.db.access.setPrincipal(null);
    this.clearStored();
  }

  /** The note the person signing in must acknowledge (none when they wrote it themselves). */
  async pendingHandover(): Promise<Handover | undefined> {
    const open = await this.handovers.latestOpen();
    return open && open.fromOperatorId !== this.db.access.principal?.operatorId ? open : undefined;
  }

  acknowledgeHandover(id: string): Promise<Handover> {
    return this.handovers.acknowledge(id);
  }

  async signInRule(): Promise<SignInRule> {
    const rows = (await this.db.settings.where('key').equals(SIGN_IN_RULE_SETTING).toArray()).filter((r) => r.deletedAt === undefined && r.deskId === this.db.desk.deskId);
    const value = rows.sort((a, b) => b.updatedAt - a.updatedAt)[0]?.value as Partial<SignInRule> | undefined;
    return value && value.required === false && typeof value.operatorId === 'string' ? { required: false, operatorId: value.operatorId } : { required: true };
  }

  /** Turning sign-in off is a supervisor's decision (changeSignInRule), audited; the desk then runs as them. */
  async setSignInRequired(required: boolean): Promise<void> {
    this.db.access.assertAction('changeSignInRule');
    const principal = this.db.access.principal;
    await this.settings.setValue(SIGN_IN_RULE_SETTING, required ? { required: true } : { required: false, operatorId: principal?.operatorId });
  }

  async idleLockMinutes(): Promise<number> {
    const value = await this.settings.getValue<number>(IDLE_LOCK_SETTING, DEFAULT_IDLE_LOCK_MINUTES);
    return Number.isFinite(value) && value >= 1 ? value : DEFAULT_IDLE_LOCK_MINUTES;
  }

  async setIdleLockMinutes(minutes: number): Promise<void> {
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 240) {
      throw new ValidationError({ idleLockMinutes: 'outOfRange' });
    }
    await this.settings.setValue(IDLE_LOCK_SETTING, minutes);
  }

  /** An audited reveal of a confidential value (revealId / revealPhone), with the person's reason. */
  async reveal(field: 'idNumber' | 'phone', entityTable: string, entityId: string, reason: string): Promise<void> {
    this.db.access.assertAction(field === 'idNumber' ? 'revealId' : 'revealPhone');
    const why = reason.trim();
    if (why.length < 3) {
      throw new ValidationError({ reason: 'required' });
    }
    await this.audit.record('reveal', entityTable, entityId, `revealed the full ${field === 'idNumber' ? 'ID number' : 'phone number'}: ${why.slice(0, 500)}`);
  }

  roles(): readonly OperatorRole[] {
    return this.db.access.roles();
  }

  private async begin(principal: Principal, summary: string): Promise<void> {
    this.db.access.setPrincipal(principal);
    this.persist();
    await writePathOf(this.db).audit({ action: 'signIn', entityTable: 'operators', entityId: principal.operatorId, summary }, { authority: AUTHENTICATION, actorId: principal.operatorId });
  }

  private readStored(): StoredSession | null {
    try {
      const raw = this.storage?.getItem(SESSION_STORAGE_KEY);
      if (!raw) return null;
      const parsed = JSON.parse(raw) as Partial<StoredSession>;
      return typeof parsed.operatorId === 'string' ? { operatorId: parsed.operatorId, locked: parsed.locked === true } : null;
    } catch {
      return null;
    }
  }

  private persist(): void {
    const { principal, locked } = this.state;
    try {
      if (principal) this.storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify({ operatorId: principal.operatorId, locked }));
    } catch {
      // No session storage: a reload asks for the PIN again.
    }
  }

  private clearStored(): void {
    try {
      this.storage?.removeItem?.(SESSION_STORAGE_KEY);
    } catch {
      // Nothing kept, nothing to clear.
    }
  }
}

const sessions = new WeakMap<FrontDeskDatabase, SessionService>();

export function sessionOf(db: FrontDeskDatabase): SessionService {
  let session = sessions.get(db);
  if (!session) {
    session = new SessionService(db);
    sessions.set(db, session);
  }
  return session;
}
