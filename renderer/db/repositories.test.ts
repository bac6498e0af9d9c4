import { describe, expect, it, vi } from 'vitest';
import { ULID_PATTERN } from '@shared/domain/record';
import { DESK_ID_STORAGE_KEY } from './deskContext';
import { openFrontDeskDatabase } from './database';
import { DepartmentInUseError } from './departmentRepository';
import { RecordNotFoundError, ValidationError } from './recordRepository';
import { repositoriesOf } from './repositories';
import { writePathOf } from './writePath';
import { freshDatabase } from '../test/testDatabase';

describe('desk identity', () => {
  it('makes a desk id once, keeps it in settings and caches it in localStorage', async () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    const name = `desk-id-${Date.now()}`;
    const first = await openFrontDeskDatabase(name, { storage });
    const deskId = first.desk.deskId;
    expect(deskId).toMatch(ULID_PATTERN);
    expect(store.get(DESK_ID_STORAGE_KEY)).toBe(deskId);
    first.close();
    // Reopened without the cache: the settings row is the truth.
    const second = await openFrontDeskDatabase(name, { storage: null });
    expect(second.desk.deskId).toBe(deskId);
    expect(await second.settings.where('key').equals('desk.id').count()).toBe(1);
    second.close();
  });

  it('acts as "desk" until an operator is set', async () => {
    const { db, repos } = await freshDatabase();
    await repos.departments.create({ name: '行政部' });
    db.desk.setActor('op-1');
    await repos.departments.create({ name: '财务部' });
    db.desk.setActor(null);
    const actors = (await db.auditLog.orderBy('at').toArray()).map((e) => e.actorId);
    expect(actors).toEqual(['desk', 'op-1']);
  });
});

describe('record repositories', () => {
  it('creates records with ULIDs, UTC times, the desk id and search keys', async () => {
    const { db, repos } = await freshDatabase();
    const before = Date.now();
    const sales = await repos.departments.create({ name: '销售部' });
    const person = await repos.staff.create({ name: '张三', departmentId: sales.id, extension: '2301', mobile: '138 0013 8000', email: 'ZS@Example.com' });
    expect(person.id).toMatch(ULID_PATTERN);
    expect(person.id > sales.id).toBe(true);
    expect(person.createdAt).toBeGreaterThanOrEqual(before);
    expect(person.updatedAt).toBe(person.createdAt);
    expect(person.deskId).toBe(db.desk.deskId);
    expect(person).toMatchObject({ nameKey: 'zhang san', mobileDigits: '+8613800138000', email: 'zs@example.com' });
    expect(person.searchKeys).toEqual(expect.arrayContaining(['张三', 'zhangsan', 'zs', '2301', '13800138000', '销售部', 'xsb']));
    expect(await db.staff.get(person.id)).toEqual(person);
    expect(Object.keys(person)).not.toContain('title');
  });

  it('updates, clears fields with undefined and audits what changed', async () => {
    const { db, repos } = await freshDatabase();
    const person = await repos.staff.create({ name: '李四', extension: '2401', title: '会计' });
    const updated = await repos.staff.update(person.id, { extension: '2402', title: undefined });
    expect(updated).toMatchObject({ extension: '2402', createdAt: person.createdAt });
    expect(updated.title).toBeUndefined();
    expect(updated.updatedAt).toBeGreaterThanOrEqual(person.updatedAt);
    const audit = await repos.auditLog.forEntity('staff', person.id);
    expect(audit.map((e) => e.action)).toEqual(['create', 'update']);
    expect(audit[1]!.summary).toContain('extension, title');
    expect(audit[1]).toMatchObject({ deskId: db.desk.deskId, actorId: 'desk', entityTable: 'staff' });
  });

  it('soft-deletes: the row stays with a tombstone, reads and searches hide it', async () => {
    const { db, repos } = await freshDatabase();
    const person = await repos.staff.create({ name: '王五', extension: '2501' });
    await repos.staff.softDelete(person.id);
    const stored = await db.staff.get(person.id);
    expect(stored?.deletedAt).toBeTypeOf('number');
    expect(await repos.staff.get(person.id)).toBeUndefined();
    expect(await repos.staff.get(person.id, { includeDeleted: true })).toBeDefined();
    expect(await repos.staff.search('ww')).toEqual([]);
    expect(await repos.staff.list()).toEqual([]);
    expect(await repos.staff.count()).toBe(0);
    await expect(repos.staff.update(person.id, { title: 'x' })).rejects.toBeInstanceOf(RecordNotFoundError);
    // The extension is free again once its holder is gone.
    await expect(repos.staff.create({ name: '赵六', extension: '2501' })).resolves.toBeDefined();
    expect((await repos.auditLog.forEntity('staff', person.id)).map((e) => e.action)).toEqual(['create', 'delete']);
  });

  it('writes the audit entry in the same transaction: a failing audit write leaves no record', async () => {
    const { db, repos } = await freshDatabase();
    const spy = vi.spyOn(db.auditLog, 'add').mockImplementationOnce((() => Promise.reject(new Error('disk full'))) as unknown as typeof db.auditLog.add);
    await expect(repos.staff.create({ name: '孙七' })).rejects.toThrow('disk full');
    spy.mockRestore();
    expect(await db.staff.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('rolls the audit entry back with the change when the surrounding transaction fails', async () => {
    const { db, repos } = await freshDatabase();
    await expect(
      writePathOf(db).transaction(['staff', 'departments'], async () => {
        await repos.staff.create({ name: '周八' });
        throw new Error('later step failed');
      }),
    ).rejects.toThrow('later step failed');
    expect(await db.staff.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('refuses invalid input with field error codes', async () => {
    const { repos } = await freshDatabase();
    const error = await repos.staff.create({ name: ' ', extension: '12a', mobile: '123', email: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual({ name: 'required', extension: 'malformedExtension', mobile: 'malformedPhone', email: 'malformedEmail' });
    await repos.staff.create({ name: '吴九', extension: '2901' });
    await expect(repos.staff.create({ name: '郑十', extension: '2901' })).rejects.toMatchObject({ fields: { extension: 'duplicateExtension' } });
    await expect(repos.staff.create({ name: '郑十', departmentId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).rejects.toMatchObject({ fields: { departmentId: 'unknownDepartment' } });
    await repos.departments.create({ name: '技术部' });
    await expect(repos.departments.create({ name: ' 技术部 ' })).rejects.toMatchObject({ fields: { name: 'duplicateName' } });
  });

  it('re-keys the members when a department is renamed, and keeps a department with members', async () => {
    const { repos } = await freshDatabase();
    const dept = await repos.departments.create({ name: '市场部' });
    const person = await repos.staff.create({ name: '陈一', departmentId: dept.id });
    expect((await repos.staff.search('市场')).map((p) => p.id)).toEqual([person.id]);
    await repos.departments.update(dept.id, { name: '品牌部' });
    expect(await repos.staff.search('市场')).toEqual([]);
    expect((await repos.staff.search('ppb')).map((p) => p.id)).toEqual([person.id]);
    await expect(repos.departments.softDelete(dept.id)).rejects.toBeInstanceOf(DepartmentInUseError);
    await repos.staff.softDelete(person.id);
    await repos.departments.softDelete(dept.id);
    expect(await repos.departments.list()).toEqual([]);
  });

  it('searches by initials, full pinyin, extension, department and several tokens', async () => {
    const { repos } = await freshDatabase();
    const sales = await repos.departments.create({ name: '销售部' });
    const finance = await repos.departments.create({ name: '财务部' });
    await repos.staff.create({ name: '张三', departmentId: sales.id, extension: '2301' });
    await repos.staff.create({ name: '张珊', departmentId: finance.id, extension: '3301' });
    await repos.staff.create({ name: '李四', departmentId: sales.id, extension: '2302' });
    const names = async (q: string, departmentId?: string) => (await repos.staff.search(q, { departmentId })).map((p) => p.name);
    expect(await names('zs')).toEqual(['张三', '张珊'].sort((a, b) => a.localeCompare(b, 'zh-Hans-u-co-pinyin')));
    expect(await names('zhangsan')).toEqual(['张三']);
    expect(await names('zhangs')).toHaveLength(2);
    expect(await names('3301')).toEqual(['张珊']);
    expect(await names('230')).toEqual(['李四', '张三']);
    expect(await names('销售 zs')).toEqual(['张三']);
    expect(await names('zs', finance.id)).toEqual(['张珊']);
    expect(await names('')).toEqual(['李四', '张三', '张珊']);
  });

  it('pages by key, within a department too', async () => {
    const { repos } = await freshDatabase();
    const dept = await repos.departments.create({ name: '客服部' });
    const names = ['安一', '白二', '蔡三', '丁四', '方五', '高六', '韩七'];
    for (const [i, name] of names.entries()) await repos.staff.create({ name, departmentId: i % 2 === 0 ? dept.id : undefined });
    const seen: string[] = [];
    let page = await repos.staff.listPage({ limit: 3 });
    seen.push(...page.items.map((p) => p.name));
    while (page.next) {
      page = await repos.staff.listPage({ limit: 3, after: page.next });
      seen.push(...page.items.map((p) => p.name));
    }
    expect(seen).toEqual(names);
    const first = await repos.staff.listPage({ departmentId: dept.id, limit: 2 });
    const second = await repos.staff.listPage({ departmentId: dept.id, limit: 2, after: first.next });
    expect([...first.items, ...second.items].map((p) => p.name)).toEqual(['安一', '蔡三', '方五', '韩七']);
    expect(second.next).toBeUndefined();
  });

  it('pages rows that share an index key without losing any', async () => {
    const { db } = await freshDatabase();
    const repos = repositoriesOf(db);
    const at = Date.UTC(2025, 0, 6, 9);
    for (let i = 0; i < 5; i += 1) {
      await repos.messages.create({ content: `m${i}`, status: i === 4 ? 'closed' : 'open', followUps: [] });
    }
    await db.messages.toCollection().modify({ createdAt: at });
    const first = await repos.messages.page({ index: '[status+createdAt]', prefix: ['open'], limit: 3, reverse: true });
    const second = await repos.messages.page({ index: '[status+createdAt]', prefix: ['open'], limit: 3, reverse: true, after: first.next });
    expect([...first.items, ...second.items].map((m) => m.content)).toEqual(['m3', 'm2', 'm1', 'm0']);
    expect(second.next).toBeUndefined();
  });

  it('keeps settings per desk, audited', async () => {
    const { repos } = await freshDatabase();
    expect(await repos.settings.getValue('phone.extension', '8000')).toBe('8000');
    await repos.settings.setValue('phone.extension', '8001');
    await repos.settings.setValue('phone.extension', '8002');
    await repos.settings.setValue('retention.years', 3, 'site');
    expect(await repos.settings.getValue('phone.extension')).toBe('8002');
    expect(await repos.settings.getValue('retention.years')).toBe(3);
    const row = await repos.settings.find('phone.extension');
    expect((await repos.auditLog.forEntity('settings', row!.id)).map((e) => e.action)).toEqual(['create', 'update']);
  });
});
