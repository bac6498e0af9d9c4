import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { badgeCodeFor } from '@shared/visitors/badgeCode';
import type { FrontDeskDatabase, Repositories } from '../../db';
import { freshDatabase } from '../../test/testDatabase';
import { addVisit, addVisitor } from '../../test/visitFixtures';
import { badgeHtml, badgeQrSvg, visitNumber } from './badgeDocument';
import { loadBadgeFacts, recordBadgePrint } from './badgePrints';

let db: FrontDeskDatabase;
let repos: Repositories;

beforeEach(async () => {
  ({ db, repos } = await freshDatabase());
});
afterEach(() => db.close());

const labels = { heading: 'VISITOR', host: 'Host', date: 'Date', number: 'No.', scanHint: 'Scan to check out' };
const VISIT_ID = '01JNQ0Z8R4W5X6Y7Z8A9B0C1D2';

describe('badge document', () => {
  it('renders name, organisation, host, date, number and the QR code on an ID-1 card', async () => {
    const svg = await badgeQrSvg(VISIT_ID);
    expect(svg).toMatch(/^<svg[^>]*viewBox/);
    const html = badgeHtml({ visitId: VISIT_ID, name: '张三', organisation: 'ACME', hostName: '李四', date: 'Mar 5, 2025', number: visitNumber(VISIT_ID) }, labels, svg, 'en');
    expect(html).toContain('@page { size: 85.6mm 54mm; margin: 0; }');
    for (const text of ['张三', 'ACME', '李四', 'Mar 5, 2025', 'B0C1D2', 'VISITOR']) expect(html).toContain(text);
    expect(html).toContain(`data-qr="${badgeCodeFor(VISIT_ID)}"`);
    expect(html).toContain(svg);
  });

  it('escapes visitor-typed text and leaves out missing fields', async () => {
    const html = badgeHtml({ visitId: VISIT_ID, name: '<img src=x onerror=alert(1)>', date: 'today', number: '7' }, labels, '<svg></svg>', 'en');
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).not.toContain('class="org"');
    expect(html).not.toContain('>Host<');
  });
});

describe('badge prints', () => {
  it('loads the visit with its visitor and host', async () => {
    const host = await repos.staff.create({ name: '李四', extension: '2302' });
    const visit = await addVisit(db, await addVisitor(db, '张三', 'ACME'), { status: 'onSite', arrivedAt: Date.now(), hostStaffId: host.id });
    const facts = await loadBadgeFacts(db, visit.id);
    expect(facts).toMatchObject({ visit: { id: visit.id }, visitor: { name: '张三', company: 'ACME' }, host: { name: '李四' } });
    expect(await loadBadgeFacts(db, VISIT_ID)).toBeUndefined();
  });

  it('counts every print, audits the first print and each reprint in the same transaction', async () => {
    const visit = await addVisit(db, await addVisitor(db, '张三'), { status: 'onSite', arrivedAt: Date.now() });
    expect(await recordBadgePrint(db, visit.id)).toBe(1);
    expect(await recordBadgePrint(db, visit.id)).toBe(2);
    expect((await db.visits.get(visit.id))?.badgePrintCount).toBe(2);
    const audit = await repos.auditLog.forEntity('visits', visit.id);
    expect(audit.map((a) => a.summary)).toEqual(['badge printed', 'badge reprinted: copy 2, already printed 1 times before']);
    await expect(recordBadgePrint(db, VISIT_ID)).rejects.toThrow(/No visits record/);
  });
});
