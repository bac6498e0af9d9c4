import { describe, expect, it } from 'vitest';
import { InvalidVisitTransitionError } from '@shared/visitors/visitMachine';
import { ValidationError } from './recordRepository';
import type { CheckInOutcome } from './visitRepository';
import { freshDatabase } from '../test/testDatabase';

/** The outcome must be a check-in (a watchlist match here would be a failure of the test). */
function checkedIn(outcome: CheckInOutcome) {
  if (outcome.kind !== 'checked-in') throw new Error(`expected a check-in, got ${outcome.kind}`);
  return outcome;
}

/** The outcome must be a watchlist stop; nothing but the alerts may have been written. */
function needsClearance(outcome: CheckInOutcome) {
  if (outcome.kind !== 'needs-clearance') throw new Error(`expected needs-clearance, got ${outcome.kind}`);
  return outcome;
}

async function setup() {
  const fresh = await freshDatabase();
  const host = await fresh.repos.staff.create({ name: '张三', extension: '2301' });
  return { ...fresh, host };
}

describe('visitor repository', () => {
  it('precomputes search keys and suggests earlier visitors by name, initials, phone and organisation', async () => {
    const { repos, host } = await setup();
    await repos.visits.checkIn({ registration: { name: '陈伟强', company: '北京恒泰科技有限公司', phone: '138 0013 8000', hostStaffId: host.id, purpose: '洽谈' } });
    const [visitor] = await repos.visitors.list();
    expect(visitor).toMatchObject({ name: '陈伟强', phoneDigits: '+8613800138000' });
    expect(visitor!.searchKeys).toEqual(expect.arrayContaining(['陈伟强', 'chenweiqiang', 'cwq', '13800138000', '8000', 'bjhtkjyxgs']));
    for (const query of ['cw', 'chen', '陈', '1380', '8000', 'bjht', '北京恒泰']) {
      expect((await repos.visitors.suggest(query)).map((v) => v.name), query).toEqual(['陈伟强']);
    }
    expect(await repos.visitors.suggest('c')).toEqual([]);
    const [suggestion] = await repos.visitors.suggestWithLastVisit('cwq');
    expect(suggestion!.lastVisit).toMatchObject({ hostStaffId: host.id, purpose: '洽谈' });
  });

  it('reveals a stored ID number only with an audit entry', async () => {
    const { repos, host } = await setup();
    const { visitor } = checkedIn(await repos.visits.checkIn({ registration: { name: '王明', idType: 'residentId', idNumber: '11010519491231002X', hostStaffId: host.id } }));
    expect(await repos.visitors.revealIdNumber(visitor.id)).toBe('11010519491231002X');
    const audit = await repos.auditLog.forEntity('visitors', visitor.id);
    expect(audit.map((e) => e.action)).toEqual(['create', 'view']);
    expect(audit[0]!.summary).not.toContain('11010519491231002X');
  });
});

describe('visit repository', () => {
  it('checks in a walk-in: visitor, visit and audit entries together', async () => {
    const { db, repos, host } = await setup();
    const { visit, visitor } = checkedIn(await repos.visits.checkIn({ registration: { name: '李雷', hostStaffId: host.id, partySize: '2', expectedDurationMin: 30, vehiclePlate: '京a12345' } }));
    expect(visit).toMatchObject({ status: 'onSite', visitorId: visitor.id, partySize: 2, vehiclePlate: '京A12345', expectedDepartureAt: visit.arrivedAt! + 30 * 60_000 });
    expect(visitor.lastVisitAt).toBe(visit.arrivedAt);
    expect((await repos.auditLog.forEntity('visits', visit.id)).map((e) => e.action)).toEqual(['checkIn']);
    expect(await repos.visits.onSite()).toHaveLength(1);
    expect(await db.visitors.count()).toBe(1);
  });

  it('refuses bad input without writing anything', async () => {
    const { db, repos, host } = await setup();
    await expect(repos.visits.checkIn({ registration: { name: '', hostStaffId: host.id } })).rejects.toBeInstanceOf(ValidationError);
    await expect(repos.visits.checkIn({ registration: { name: '韩梅梅' } })).rejects.toMatchObject({ fields: { hostStaffId: 'hostRequired' } });
    await expect(repos.visits.checkIn({ registration: { name: '韩梅梅', hostStaffId: host.id, idType: 'residentId', idNumber: '110105194912310021' } })).rejects.toMatchObject({ fields: { idNumber: 'residentIdChecksum' } });
    expect(await db.visits.count()).toBe(0);
    expect(await db.visitors.count()).toBe(0);
    // With the desk's explicit override the number is saved, and the override is audited.
    const { visitor } = checkedIn(await repos.visits.checkIn({ registration: { name: '韩梅梅', hostStaffId: host.id, idType: 'residentId', idNumber: '110105194912310021' }, overrideIdCheck: true }));
    expect((await repos.auditLog.forEntity('visitors', visitor.id))[0]!.summary).toContain('saved despite a failed check');
  });

  it('updates a returning visitor instead of creating a second one', async () => {
    const { db, repos, host } = await setup();
    const first = checkedIn(await repos.visits.checkIn({ registration: { name: '陈伟强', phone: '13800138000', hostStaffId: host.id } }));
    await repos.visits.checkOut(first.visit.id, 'search');
    const second = checkedIn(await repos.visits.checkIn({ registration: { name: '陈伟强', company: '恒泰', hostStaffId: host.id }, visitorId: first.visitor.id }));
    expect(second.visitor.id).toBe(first.visitor.id);
    expect(second.visitor.company).toBe('恒泰');
    expect(await db.visitors.count()).toBe(1);
    expect(await db.visits.count()).toBe(2);
  });

  it('checks out once; a second check-out is refused', async () => {
    const { repos, host } = await setup();
    const { visit } = checkedIn(await repos.visits.checkIn({ registration: { name: '李雷', hostStaffId: host.id } }));
    const left = await repos.visits.checkOut(visit.id, 'badgeScan');
    expect(left).toMatchObject({ status: 'left', checkOutMethod: 'badgeScan', checkedOutBy: 'desk' });
    await expect(repos.visits.checkOut(visit.id, 'badgeScan')).rejects.toBeInstanceOf(InvalidVisitTransitionError);
    expect((await repos.auditLog.forEntity('visits', visit.id)).map((e) => e.action)).toEqual(['checkIn', 'checkOut']);
  });

  it('takes back a mistaken check-out, on site again, with an audit entry each way', async () => {
    const { db, repos, host } = await setup();
    const { visit } = checkedIn(await repos.visits.checkIn({ registration: { name: '韩梅梅', hostStaffId: host.id } }));
    await repos.visits.checkOut(visit.id, 'search');
    expect(await repos.visits.onSite()).toEqual([]);
    const back = await repos.visits.undoCheckOut(visit.id);
    expect(back).toMatchObject({ status: 'onSite', arrivedAt: visit.arrivedAt });
    const stored = await db.visits.get(visit.id);
    expect(stored).toMatchObject({ status: 'onSite' });
    expect(stored).not.toHaveProperty('leftAt');
    expect(stored).not.toHaveProperty('checkOutMethod');
    expect((await repos.visits.onSite()).map((v) => v.id)).toEqual([visit.id]);
    const audit = await repos.auditLog.forEntity('visits', visit.id);
    expect(audit.map((e) => e.action)).toEqual(['checkIn', 'checkOut', 'update']);
    expect(audit[2]!.summary).toContain('undid the check-out');
    // Twice is refused: it is on site now.
    await expect(repos.visits.undoCheckOut(visit.id)).rejects.toBeInstanceOf(InvalidVisitTransitionError);
  });

  it('bulk checks out everybody left at the end of the day, recorded as done by the desk', async () => {
    const { db, repos, host } = await setup();
    const a = checkedIn(await repos.visits.checkIn({ registration: { name: '甲', hostStaffId: host.id } }));
    const b = checkedIn(await repos.visits.checkIn({ registration: { name: '乙', hostStaffId: host.id } }));
    await repos.visits.checkOut(b.visit.id, 'search');
    const done = await repos.visits.bulkCheckOut([a.visit.id, b.visit.id]);
    expect(done.map((v) => v.id)).toEqual([a.visit.id]);
    expect(await db.visits.get(a.visit.id)).toMatchObject({ status: 'left', checkOutMethod: 'bulkEndOfDay', checkedOutBy: 'desk' });
    expect(await repos.visits.onSite()).toEqual([]);
  });

  it('pre-registers, lists the day and checks the expected visitor in with one call', async () => {
    const { repos, host } = await setup();
    const at = new Date(2030, 0, 2, 10, 0).getTime();
    const { visit } = await repos.visits.preRegister({ registration: { name: '周杰', hostStaffId: host.id, expectedAt: at, expectedDurationMin: 60 } });
    expect(visit.status).toBe('expected');
    expect(await repos.visits.expectedBetween(new Date(2030, 0, 2).getTime(), new Date(2030, 0, 3).getTime())).toHaveLength(1);
    expect(await repos.visits.expectedBetween(new Date(2030, 0, 3).getTime(), new Date(2030, 0, 4).getTime())).toHaveLength(0);
    const { visit: arrived } = checkedIn(await repos.visits.checkInExpected(visit.id));
    expect(arrived).toMatchObject({ status: 'onSite', expectedDepartureAt: arrived.arrivedAt! + 3_600_000 });
    await expect(repos.visits.checkInExpected(visit.id)).rejects.toBeInstanceOf(InvalidVisitTransitionError);
    await expect(repos.visits.cancel(visit.id)).rejects.toBeInstanceOf(InvalidVisitTransitionError);
  });

  it('records that the host was notified', async () => {
    const { repos, host } = await setup();
    const { visit } = checkedIn(await repos.visits.checkIn({ registration: { name: '李雷', hostStaffId: host.id } }));
    const notified = await repos.visits.markHostNotified(visit.id, 'phoneTransfer');
    expect(notified).toMatchObject({ hostNotifiedVia: 'phoneTransfer' });
    expect(notified.hostNotifiedAt).toBeTypeOf('number');
  });
});

describe('watchlist at check-in', () => {
  it('stops at a match, raising open alerts, until an "admitted" decision is acknowledged for this same candidate', async () => {
    const { db, repos, host } = await setup();
    await repos.watchlist.create({ name: '陳偉強', reason: '曾冒充快递员进入' });
    const registration = { name: '陈 伟强', hostStaffId: host.id };
    const stopped = needsClearance(await repos.visits.checkIn({ registration }));
    expect(stopped.matches).toHaveLength(1);
    expect(stopped.alerts).toHaveLength(1);
    expect([...stopped.entries.values()].map((e) => e.name)).toEqual(['陳偉強']);
    expect(await db.visits.count()).toBe(0);
    expect(await db.visitors.count()).toBe(0);
    const alerts = stopped.alerts;
    expect(await db.watchlistAlerts.get(alerts[0]!.id)).toMatchObject({ status: 'open', candidateName: '陈 伟强' });

    // An open alert does not let anybody through …
    needsClearance(await repos.visits.checkIn({ registration, acknowledgedAlertIds: alerts.map((a) => a.id) }));
    await repos.watchlistAlerts.acknowledge(alerts.map((a) => a.id), 'admitted', '经保安核实，身份无误');
    // … nor does an acknowledgement for someone else's name.
    needsClearance(await repos.visits.checkIn({ registration: { ...registration, name: 'Chen Weiqiang' }, acknowledgedAlertIds: alerts.map((a) => a.id) }));
    expect(await db.visits.count()).toBe(0);
    const { visit, visitor } = checkedIn(await repos.visits.checkIn({ registration, acknowledgedAlertIds: alerts.map((a) => a.id) }));
    const stored = await db.watchlistAlerts.get(alerts[0]!.id);
    expect(stored).toMatchObject({ status: 'acknowledged', decision: 'admitted', note: '经保安核实，身份无误', visitId: visit.id, visitorId: visitor.id, acknowledgedBy: 'desk' });
    expect((await repos.auditLog.forEntity('watchlistAlerts', alerts[0]!.id)).map((e) => e.action)).toEqual(['create', 'acknowledge', 'update']);
  });

  it('keeps a refused alert and creates no visit; a deactivated entry no longer matches', async () => {
    const { db, repos, host } = await setup();
    const entry = await repos.watchlist.create({ idNumber: '110105 19491231 002x', reason: '黑名单' });
    expect(entry).toMatchObject({ idNumberKey: '11010519491231002X', active: 1, addedBy: 'desk' });
    const registration = { name: '某人', idNumber: '11010519491231002X', hostStaffId: host.id };
    const matches = await repos.watchlist.matches(registration);
    expect(matches).toEqual([{ entryId: entry.id, matchedOn: 'idNumber', how: 'exact' }]);
    const alerts = await repos.watchlistAlerts.raise(registration, matches);
    await repos.watchlistAlerts.acknowledge(alerts.map((a) => a.id), 'refused', '拒绝入内');
    needsClearance(await repos.visits.checkIn({ registration, acknowledgedAlertIds: alerts.map((a) => a.id) }));
    expect(await db.visits.count()).toBe(0);
    expect(await db.watchlistAlerts.get(alerts[0]!.id)).toMatchObject({ decision: 'refused', candidateIdNumber: '11010519491231002X' });
    await expect(repos.watchlistAlerts.acknowledge(alerts.map((a) => a.id), 'admitted', 'x')).rejects.toBeInstanceOf(ValidationError);

    await repos.watchlist.deactivate(entry.id);
    checkedIn(await repos.visits.checkIn({ registration }));
    expect(await db.visits.count()).toBe(1);
  });

  it('checks a pre-registered visitor against the watchlist on arrival', async () => {
    const { db, repos, host } = await setup();
    const { visit } = await repos.visits.preRegister({ registration: { name: '张伟', hostStaffId: host.id, expectedAt: Date.now() } });
    await repos.watchlist.create({ name: 'Zhang Wei', reason: '可疑' });
    const stopped = needsClearance(await repos.visits.checkInExpected(visit.id));
    expect(stopped.alerts.map((a) => a.matchedOn)).toEqual(['name']);
    expect(await db.visits.get(visit.id)).toMatchObject({ status: 'expected' });
  });

  it('refuses a watchlist entry without name, ID or organisation, or without a reason', async () => {
    const { repos } = await setup();
    await expect(repos.watchlist.create({ reason: 'x' })).rejects.toMatchObject({ fields: { name: 'watchlistEmpty' } });
    await expect(repos.watchlist.create({ name: '张伟', reason: ' ' })).rejects.toMatchObject({ fields: { reason: 'required' } });
  });
});
