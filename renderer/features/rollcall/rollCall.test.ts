import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FrontDeskDatabase, Repositories } from '../../db';
import { freshDatabase } from '../../test/testDatabase';
import { addVisit, addVisitor } from '../../test/visitFixtures';
import { auditRollCall, loadRollCall, sortRollCall } from './rollCall';
import { csvCell } from '@shared/formats/csv';
import { rollCallCsv, rollCallHtml, type RollCallLabels } from './rollCallDocument';

let db: FrontDeskDatabase;
let repos: Repositories;
const now = Date.now();

beforeEach(async () => {
  ({ db, repos } = await freshDatabase());
});
afterEach(() => db.close());

const labels: RollCallLabels = {
  title: 'Roll call',
  summary: '6 people',
  generatedAt: 'now',
  columns: { department: 'Dept', host: 'Host', extension: 'Ext', visitor: 'Visitor', organisation: 'Org', arrivedAt: 'Arrived', partySize: 'Party' },
  noHost: '(none)',
  formatTime: (at) => new Date(at).toISOString(),
};

async function seed() {
  const sales = await repos.departments.create({ name: '销售部' });
  const finance = await repos.departments.create({ name: '财务部' });
  const zhang = await repos.staff.create({ name: '张三', departmentId: sales.id, extension: '2301' });
  const zhao = await repos.staff.create({ name: '赵爽', departmentId: finance.id, extension: '5001' });
  const a = await addVisit(db, await addVisitor(db, '王五', '=HYPERLINK("x")'), { status: 'onSite', arrivedAt: now - 60_000, partySize: 3, hostStaffId: zhang.id });
  const b = await addVisit(db, await addVisitor(db, 'Alice', 'ACME, Inc.'), { status: 'onSite', arrivedAt: now - 120_000, partySize: 1, hostStaffId: zhao.id });
  const c = await addVisit(db, await addVisitor(db, '陈七'), { status: 'onSite', arrivedAt: now - 180_000, partySize: 2 });
  await addVisit(db, await addVisitor(db, 'Gone'), { status: 'left', arrivedAt: now - 600_000, leftAt: now - 300_000 });
  await addVisit(db, await addVisitor(db, 'Later'), { status: 'expected', expectedAt: now + 600_000 });
  return { a, b, c };
}

describe('roll call', () => {
  it('lists exactly the visits on site, with host, extension, department and the head count', async () => {
    const { a, b, c } = await seed();
    const rollCall = await loadRollCall(db, now);
    expect(rollCall).toMatchObject({ visits: 3, people: 6, generatedAt: now });
    const sorted = sortRollCall(rollCall.rows, 'department');
    // Pinyin order of departments: 财务部 (cai) before 销售部 (xiao); no host last.
    expect(sorted.map((r) => r.visitId)).toEqual([b.id, a.id, c.id]);
    expect(sorted[0]).toMatchObject({ visitorName: 'Alice', organisation: 'ACME, Inc.', hostName: '赵爽', hostExtension: '5001', departmentName: '财务部', partySize: 1 });
    expect(sortRollCall(rollCall.rows, 'name').map((r) => r.visitorName)).toEqual(['陈七', '王五', 'Alice']); // pinyin collation: Han (chen, wang) before Latin
  });

  it('prints as an escaped HTML table and exports CSV with a BOM and formula injection neutralised', async () => {
    await seed();
    const rollCall = await loadRollCall(db, now);
    const rows = sortRollCall(rollCall.rows, 'department');
    const html = rollCallHtml(rollCall, rows, labels, 'en');
    expect(html).toContain('@page { size: A4');
    expect(html).toContain('=HYPERLINK(&#34;x&#34;)');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('class="stale"');
    // Desks that have not synced are named on the paper too (escaped like everything else).
    const warned = rollCallHtml(rollCall, rows, { ...labels, staleWarning: 'Not synced for over a minute: <Side entrance>.' }, 'en');
    expect(warned).toContain('<p class="stale">⚠ Not synced for over a minute: &#60;Side entrance&#62;.</p>');
    const csv = rollCallCsv(rows, labels);
    expect(csv.startsWith('\uFEFFDept,Host,Ext,Visitor,Org,Arrived,Party\r\n')).toBe(true);
    expect(csv).toContain('财务部,赵爽,5001,Alice,"ACME, Inc.",');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain(',(none),,陈七,,');
    expect(csv).not.toContain('⚠');
    // The file names them too, after the rows and one empty line, so the table above still sorts as one.
    const warnedCsv = rollCallCsv(rows, { ...labels, staleWarning: 'Not synced for over a minute: =Side entrance.' });
    expect(warnedCsv.slice(csv.length)).toBe('\r\n⚠ Not synced for over a minute: =Side entrance.\r\n');
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('plain')).toBe('plain');
  });

  it('audits printing and exporting', async () => {
    await auditRollCall(db, 'exported', { visits: 3, people: 6 }, 'roll-call.csv');
    const [entry] = await repos.auditLog.forEntity('visits', 'rollcall');
    expect(entry).toMatchObject({ action: 'export', summary: 'emergency roll call exported: 6 people in 3 visits (roll-call.csv)' });
  });
});
