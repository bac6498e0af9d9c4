// Sign-in, the permission matrix in the write and read paths, the lock-out, handover notes and the audit
// log's query, against fake-indexeddb.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '../test/testDatabase';
import type { FrontDeskDatabase } from './FrontDeskDatabase';
import type { Repositories } from './repositories';
import { SessionService } from './session';
import { PermissionDeniedError, ValidationError } from './writeErrors';
import { PBKDF2_ITERATIONS } from './secretHash';
import { writePathOf } from './writePath';

// The repositories' tests use the same hash at 1,000 iterations (the real 600,000 cost ~1.4 s a hash on this
// machine); the first test below checks the real module at the real cost.
vi.mock('./secretHash', async (importOriginal) => {
  const real = await importOriginal<typeof import('./secretHash')>();
  const fast = async (secret: string, salt: Uint8Array<ArrayBuffer>) => {
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(secret), 'PBKDF2', false, ['deriveBits']);
    return btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1000 }, key, 256))));
  };
  return {
    ...real,
    realHashSecret: real.hashSecret,
    realVerifySecret: real.verifySecret,
    hashSecret: async (secret: string) => {
      const salt = crypto.getRandomValues(new Uint8Array(16));
      return `test$${btoa(String.fromCharCode(...salt))}$${await fast(secret, salt)}`;
    },
    verifySecret: async (secret: string, stored: string) => {
      const [, saltText, hash] = stored.split('$');
      const salt = Uint8Array.from(atob(saltText!), (c) => c.charCodeAt(0));
      return (await fast(secret, salt)) === hash;
    },
  };
});

class MemoryStorage {
  private readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

let db: FrontDeskDatabase;
let repos: Repositories;
let session: SessionService;
let storage: MemoryStorage;

beforeEach(async () => {
  ({ db, repos } = await freshDatabase());
  storage = new MemoryStorage();
  session = new SessionService(db, storage);
});
afterEach(() => db.close());

async function setUpDesk() {
  expect(await session.start()).toBe('firstRun');
  const boss = await session.setUp('Wang Fang', '246810');
  const reception = await repos.operators.addPerson({ name: 'Li Na', roles: ['receptionist'], secret: '135791' });
  const concierge = await repos.operators.addPerson({ name: 'Zhao Lei', roles: ['concierge'], secret: 'parcels-please' });
  const operator = await repos.operators.addPerson({ name: 'Chen Jie', roles: ['operator'], secret: '975310' });
  return { boss, reception, concierge, operator };
}

describe('secret hashing', () => {
  it('verifies the secret, stores a salted PBKDF2 hash with ≥600k iterations and never the PIN', { timeout: 60_000 }, async () => {
    const real = (await import('./secretHash')) as unknown as { realHashSecret: typeof import('./secretHash').hashSecret; realVerifySecret: typeof import('./secretHash').verifySecret };
    const { realHashSecret: hashSecret, realVerifySecret: verifySecret } = real;
    const stored = await hashSecret('246810');
    expect(stored).not.toContain('246810');
    expect(stored.split('$')[0]).toBe('pbkdf2-sha256');
    expect(Number(stored.split('$')[1])).toBeGreaterThanOrEqual(600_000);
    expect(await verifySecret('246810', stored)).toBe(true);
    expect(await verifySecret('246811', stored)).toBe(false);
    expect(await hashSecret('246810')).not.toBe(stored);
    await expect(hashSecret('246810', 1000)).rejects.toThrow(String(PBKDF2_ITERATIONS));
  });
});

describe('sign-in', () => {
  it('sets up the first supervisor once, signs them in, and names them in the audit log', async () => {
    const { boss } = await setUpDesk();
    expect(boss.roles).toEqual(['receptionist', 'operator', 'concierge', 'supervisor']);
    await expect(session.setUp('Someone Else', '111111')).rejects.toBeInstanceOf(ValidationError);
    const rows = await db.operators.toArray();
    for (const row of rows) expect(JSON.stringify(row)).not.toMatch(/246810|135791|parcels-please|975310/);
    const entries = await db.auditLog.toArray();
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.actorId === boss.operatorId)).toBe(true);
  });

  it('refuses every write with nobody signed in once sign-in is required', async () => {
    await setUpDesk();
    await session.signOut();
    const before = await db.auditLog.count();
    await expect(repos.settings.setValue('x', 1)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(repos.auditLog.recordExport('visits', 'x', 'export')).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await db.auditLog.count()).toBe(before);
    expect(await db.settings.where('key').equals('x').count()).toBe(0);
  });

  it('locks the account after five wrong PINs, audits it, and refuses even the right PIN while locked', async () => {
    const { reception } = await setUpDesk();
    await session.signOut();
    const now = Date.now();
    for (let i = 1; i <= 4; i++) expect(await repos.operators.verify(reception.id, '000000', 'signIn', now)).toEqual({ ok: false, reason: 'wrong', attemptsLeft: 5 - i });
    expect(await repos.operators.verify(reception.id, '000000', 'signIn', now)).toEqual({ ok: false, reason: 'locked', lockedUntil: now + 60_000 });
    expect(await repos.operators.verify(reception.id, '135791', 'signIn', now + 59_000)).toEqual({ ok: false, reason: 'locked', lockedUntil: now + 60_000 });
    const sixth = await repos.operators.verify(reception.id, '000000', 'signIn', now + 60_000);
    expect(sixth).toEqual({ ok: false, reason: 'locked', lockedUntil: now + 60_000 + 120_000 });
    expect((await repos.operators.verify(reception.id, '135791', 'signIn', now + 180_000)).ok).toBe(true);
    const audit = await repos.auditLog.forEntity('operators', reception.id);
    expect(audit.filter((e) => e.action === 'signInFailed')).toHaveLength(6);
    expect(audit.filter((e) => e.action === 'lockOut')).toHaveLength(2);
    expect(audit.filter((e) => e.action === 'signInFailed').every((e) => e.actorId === reception.id)).toBe(true);
    expect((await db.operators.get(reception.id))?.failedAttempts).toBe(0);
  });

  it('a supervisor resets a PIN; nobody else can', async () => {
    const { reception, concierge } = await setUpDesk();
    await repos.operators.resetPin(reception.id, '864200');
    expect((await repos.operators.verify(reception.id, '864200')).ok).toBe(true);
    await session.signOut();
    expect((await session.signIn(concierge.id, 'parcels-please')).ok).toBe(true);
    const hash = (await db.operators.get(reception.id))?.pinHash;
    await expect(repos.operators.resetPin(reception.id, '111111')).rejects.toMatchObject({ code: 'forbidden', permission: 'resetPin' });
    expect((await db.operators.get(reception.id))?.pinHash).toBe(hash);
  });

  it('restores the session and the lock after a reload, and unlocks only with the locker\'s or a supervisor\'s PIN', async () => {
    const { reception, concierge, boss } = await setUpDesk();
    await session.signOut();
    await session.signIn(reception.id, '135791');
    await session.lock('shortcut');
    const reloaded = new SessionService(db, storage);
    db.access.setPrincipal(null);
    expect(await reloaded.start()).toBe('signedIn');
    expect(reloaded.state).toMatchObject({ locked: true, principal: { operatorId: reception.id } });
    expect(await reloaded.unlock(concierge.id, 'parcels-please')).toEqual({ ok: false, reason: 'notPermitted' });
    expect((await reloaded.unlock(boss.operatorId, '246810')).ok).toBe(true);
    expect(reloaded.state).toMatchObject({ locked: false, principal: { operatorId: boss.operatorId } });
    const actions = (await db.auditLog.toArray()).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['lock', 'unlock', 'signIn', 'signOut']));
  });
});

describe('the permission matrix in the repositories', () => {
  it('refuses a receptionist\'s export, watchlist edit and ID reveal with a clear error, changing nothing', async () => {
    const { reception } = await setUpDesk();
    const entry = await repos.watchlist.create({ name: '可疑人', reason: 'security' });
    await session.signOut();
    await session.signIn(reception.id, '135791');
    const count = await db.auditLog.count();
    const refusals = [
      () => repos.watchlist.create({ name: '另一个', reason: 'x' }),
      () => repos.watchlist.deactivate(entry.id),
      () => session.reveal('idNumber', 'visitors', 'v1', 'checking a badge'),
      () => repos.auditLog.query({ limit: 10 }),
      () => repos.operators.addPerson({ name: 'X', roles: ['supervisor'], secret: '111111' }),
      () => session.setSignInRequired(false),
    ];
    for (const attempt of refusals) await expect(attempt()).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(repos.watchlist.create({ name: '另一个', reason: 'x' })).rejects.toThrow(/Not permitted: watchlist:create/);
    expect(await db.watchlist.count()).toBe(1);
    expect((await db.watchlist.get(entry.id))?.active).toBe(1);
    expect(await db.auditLog.count()).toBe(count);
  });

  it('lets a concierge reveal a caller\'s number with a reason, audited under their name; a receptionist may not', async () => {
    const { concierge, reception } = await setUpDesk();
    await session.signOut();
    await session.signIn(concierge.id, 'parcels-please');
    await expect(session.reveal('phone', 'messages', 'm1', '')).rejects.toBeInstanceOf(ValidationError);
    await session.reveal('phone', 'messages', 'm1', 'recipient calls back');
    const [entry] = (await repos.auditLog.forEntity('messages', 'm1'));
    expect(entry).toMatchObject({ action: 'reveal', actorId: concierge.id });
    expect(entry?.summary).toBe('revealed the full phone number: recipient calls back');
    await session.signOut();
    await session.signIn(reception.id, '135791');
    const count = await db.auditLog.count();
    await expect(session.reveal('phone', 'messages', 'm1', 'just looking')).rejects.toMatchObject({ permission: 'revealPhone' });
    expect(await db.auditLog.count()).toBe(count);
  });

  it('lets a concierge write parcels but not read call notes; an operator writes call notes', async () => {
    const { concierge, operator } = await setUpDesk();
    await session.signOut();
    await session.signIn(operator.id, '975310');
    const note = await repos.callNotes.create({ reason: 'asks for the post room', category: 'general', important: 0 });
    expect((await repos.auditLog.forEntity('callNotes', note.id))[0]?.actorId).toBe(operator.id);
    await session.signOut();
    await session.signIn(concierge.id, 'parcels-please');
    await expect(repos.callNotes.list()).rejects.toMatchObject({ permission: 'callNotes:read' });
    await expect(repos.callNotes.get('x')).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(repos.visits.checkOut('nothing', 'search')).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it('records every entry under the signed-in person and switching person keeps the rest', async () => {
    const { reception, boss } = await setUpDesk();
    await session.switchTo(reception.id, '135791');
    const c = await repos.complaints.create({ kind: 'complaint', content: 'cold lobby' } as never);
    expect((await repos.auditLog.forEntity('complaints', c.id))[0]?.actorId).toBe(reception.id);
    const switched = (await repos.auditLog.forEntity('operators', reception.id)).find((e) => e.action === 'signIn');
    expect(switched?.summary).toContain(`from ${boss.name}`);
  });
});

describe('handover and the audit view', () => {
  it('pre-fills, keeps and acknowledges the handover note, audited both ways', async () => {
    const { reception, boss } = await setUpDesk();
    await repos.complaints.create({ kind: 'complaint', content: 'lift noisy' } as never);
    const items = await session.handoverPrefill();
    expect(items).toEqual([expect.objectContaining({ kind: 'openComplaints', count: 1 })]);
    await session.signOut({ note: 'Projector in room 2 is broken', items });
    await session.signIn(reception.id, '135791');
    const pending = await session.pendingHandover();
    expect(pending).toMatchObject({ note: 'Projector in room 2 is broken', fromOperatorId: boss.operatorId, status: 'open' });
    await session.acknowledgeHandover(pending!.id);
    expect(await session.pendingHandover()).toBeUndefined();
    const audit = await repos.auditLog.forEntity('handovers', pending!.id);
    expect(audit.map((e) => [e.action, e.actorId])).toEqual([['create', boss.operatorId], ['acknowledge', reception.id]]);
  });

  it('filters and pages the audit log by key', async () => {
    const { boss } = await setUpDesk();
    for (let i = 0; i < 25; i++) await repos.auditLog.record('view', 'visits', `v${i}`, `viewed ${i}`, { at: 1_000 + i });
    const first = await repos.auditLog.query({ action: 'view', limit: 10 });
    expect(first.items.map((e) => e.entityId)).toEqual(Array.from({ length: 10 }, (_, i) => `v${24 - i}`));
    const second = await repos.auditLog.query({ action: 'view', limit: 10, after: first.next! });
    expect(second.items[0]?.entityId).toBe('v14');
    const third = await repos.auditLog.query({ action: 'view', limit: 10, after: second.next! });
    expect(third.items).toHaveLength(5);
    expect(third.next).toBeUndefined();
    const ranged = await repos.auditLog.query({ actorId: boss.operatorId, entityTable: 'visits', from: 1_005, to: 1_009, limit: 100 });
    expect(ranged.items.map((e) => e.at)).toEqual([1_009, 1_008, 1_007, 1_006, 1_005]);
    await expect(writePathOf(db).patch('auditLog', first.items[0]!, { summary: 'edited' }, null)).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});
