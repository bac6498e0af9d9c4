import type { Department, DepartmentInput } from '@shared/domain/directory';
import type { NewRecord } from '@shared/domain/record';
import { normaliseText } from '@shared/search/textNormalise';
import type { FrontDeskDatabase, TableName } from './FrontDeskDatabase';
import { RecordRepository, ValidationError } from './recordRepository';
import { schemas } from './schemaRegistry';
import { staffKeysOf } from './staffRepository';
import { textKeys } from './textKeys';

/** A department cannot go while people are in it: they would lose their place in the directory. */
export class DepartmentInUseError extends Error {
  constructor(readonly departmentName: string, readonly memberCount: number) {
    super(`Department ${departmentName} still has ${memberCount} people`);
    this.name = 'DepartmentInUseError';
  }
}

export function departmentNameKey(name: string): string {
  return normaliseText(name);
}

export function departmentFields(name: string, rest: Omit<NewRecord<Department>, 'name' | 'nameKey' | 'searchKeys'> = {}): NewRecord<Department> {
  const clean = name.trim().replace(/\s+/g, ' ');
  return { ...rest, name: clean, nameKey: departmentNameKey(clean), searchKeys: textKeys().nameSearchKeys(clean) };
}

export class DepartmentRepository extends RecordRepository<'departments', DepartmentInput> {
  protected override readonly relatedTables: TableName[] = ['staff'];

  constructor(db: FrontDeskDatabase) {
    super(db, 'departments');
  }

  protected override describe(record: Department): string {
    return `department ${record.name}`;
  }

  protected override async toFields(input: DepartmentInput, existing: Department | undefined): Promise<NewRecord<Department>> {
    const parsed = schemas().INPUT_SCHEMAS.departments.safeParse(input);
    if (!parsed.success) throw ValidationError.fromZod(parsed.error);
    const { name, ...rest } = parsed.data;
    const fields = departmentFields(name, rest);
    const clash = await this.findByName(name);
    if (clash && clash.id !== existing?.id) throw new ValidationError({ name: 'duplicateName' });
    return fields;
  }

  protected override async afterWrite(record: Department, previous: Department | undefined): Promise<void> {
    // People are found by their department's name too; a rename re-keys its members in the same transaction.
    if (!previous || previous.name === record.name) return;
    // No audit entry per person: the rename is audited, their keys are derived from it.
    const members = await this.db.staff.where('departmentId').equals(record.id).toArray();
    for (const person of members) await this.writes.patch('staff', person, { searchKeys: staffKeysOf(person, record.name) }, null);
  }

  protected override async beforeDelete(record: Department): Promise<void> {
    const members = await this.db.staff.where('departmentId').equals(record.id).filter((p) => p.deletedAt === undefined).count();
    if (members > 0) throw new DepartmentInUseError(record.name, members);
  }

  async findByName(name: string): Promise<Department | undefined> {
    return this.db.departments.where('nameKey').equals(departmentNameKey(name)).filter((d) => d.deletedAt === undefined).first();
  }

  /** Every live department, in pinyin order of name. */
  async listSorted(): Promise<Department[]> {
    const all = await this.list();
    return all.sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-u-co-pinyin'));
  }
}
