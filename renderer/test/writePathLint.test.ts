// @vitest-environment node
// The write-path lint rule (eslint.config.js) must bite: a feature file that writes to a Dexie table or
// opens a transaction fails lint, the same code inside renderer/db/ passes, and reads stay allowed.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function writePathErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

const WRITES = [
  'db.visits.add(visit);',
  'db.visits.put(visit);',
  'db.staff.bulkAdd(rows);',
  'db.staff.bulkPut(rows);',
  "db.visits.update(id, { deletedAt: 1 });",
  'db.visits.delete(id);',
  'db.auditLog.clear();',
  'this.db.calls.put(call);',
  "db.table('visits').add(visit);",
  "db.staff.where('departmentId').equals(id).modify({ searchKeys: [] });",
  "db.transaction('rw', db.visits, async () => undefined);",
  "db.transaction('r', [db.visitors], async () => undefined);",
];

describe('the write-path lint rule', () => {
  it.each(WRITES)('fails `%s` in a feature file', async (statement) => {
    const errors = await writePathErrors(`declare const db: any; declare const visit: any, rows: any, id: any, call: any;\nexport async function probe(this: any) { ${statement} }\n`, 'renderer/features/visitors/probe.ts');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^Only renderer\/db\//);
  });

  it('fails in the phone layer and in renderer tests too', async () => {
    expect(await writePathErrors('declare const db: any;\nexport const probe = () => db.calls.put({});\n', 'renderer/phone/probe.ts')).toHaveLength(1);
    expect(await writePathErrors('declare const db: any;\nexport const probe = () => db.visits.add({});\n', 'renderer/features/rollcall/probe.test.ts')).toHaveLength(1);
  });

  it('allows the same writes inside renderer/db/, and reads anywhere', async () => {
    expect(await writePathErrors('declare const db: any;\nexport const probe = () => db.visits.add({});\n', 'renderer/db/probe.ts')).toEqual([]);
    const reads = "declare const db: any, map: Map<string, number>;\nexport const probe = async () => [await db.visits.get('x'), await db.staff.where('extension').equals('1').first(), map.delete('x')];\n";
    expect(await writePathErrors(reads, 'renderer/features/visitors/probe.ts')).toEqual([]);
  });
});
