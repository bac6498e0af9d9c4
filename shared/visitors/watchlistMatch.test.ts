import { describe, expect, it } from 'vitest';
import { matchWatchlist, namesMatch, organisationsMatch, watchlistEntryKeys, type WatchlistEntryFields } from './watchlistMatch';
import { nameMatchKey, organisationMatchKey, visitorSearchKeys } from './nameMatching';

const entry = (id: string, fields: Partial<WatchlistEntryFields>): WatchlistEntryFields => ({ id, active: 1, ...fields });

describe('name matching', () => {
  it('folds traditional and simplified characters both ways', () => {
    expect(namesMatch('陳偉強', '陈伟强')).toBe('characters');
    expect(namesMatch('陈伟强', '陳偉強')).toBe('characters');
    expect(namesMatch('鄭麗華', '郑丽华')).toBe('characters');
    expect(nameMatchKey('陳 偉強')).toBe('陈伟强');
  });

  it('ignores spaces, middle dots and width', () => {
    expect(namesMatch('张 伟', '张伟')).toBe('characters');
    expect(namesMatch('阿依古丽·买买提', '阿依古丽买买提')).toBe('characters');
    expect(namesMatch('ＺＨＡＮＧ Wei', 'zhangwei')).toBe('characters');
  });

  it('matches a Chinese name against its pinyin in Latin letters, in either order', () => {
    expect(namesMatch('张伟', 'Zhang Wei')).toBe('pinyin');
    expect(namesMatch('Wei Zhang', '張偉')).toBe('pinyin');
    expect(namesMatch('zhangwei', '张伟')).toBe('pinyin');
    expect(namesMatch('曾国华', 'Zeng Guohua')).toBe('pinyin');
  });

  it('does not match different people or homophones written in characters', () => {
    expect(namesMatch('张伟', '张卫东')).toBe(false);
    expect(namesMatch('张伟', '章伟')).toBe(false);
    expect(namesMatch('张伟', 'Zhang Wen')).toBe(false);
    expect(namesMatch('', '张伟')).toBe(false);
  });
});

describe('organisation matching', () => {
  it('ignores legal-form endings and traditional characters; containment needs 4 characters', () => {
    expect(organisationMatchKey('北京恒泰科技有限公司')).toBe('北京恒泰科技');
    expect(organisationsMatch('北京恒泰科技有限公司', '北京恆泰科技')).toBe('exact');
    expect(organisationsMatch('Acme Co., Ltd.', 'ACME')).toBe('exact');
    expect(organisationsMatch('恒泰科技', '北京恒泰科技有限公司')).toBe('contains');
    expect(organisationsMatch('恒泰', '北京恒泰科技有限公司')).toBe(false);
  });
});

describe('watchlist matching', () => {
  const entries = [
    entry('E1', { name: '陳偉強', reason: 'x' } as Partial<WatchlistEntryFields>),
    entry('E2', { idNumber: '11010519491231002x', idNumberKey: '11010519491231002X' }),
    entry('E3', { organisation: '可疑贸易有限公司' }),
    entry('E4', { name: '李四', organisation: '正常公司' }),
    entry('E5', { name: '王五', active: 0 }),
  ];

  it('matches the ID number exactly after normalising', () => {
    expect(matchWatchlist({ name: '某人', idNumber: '110105 19491231 002X' }, entries)).toEqual([{ entryId: 'E2', matchedOn: 'idNumber', how: 'exact' }]);
    expect(matchWatchlist({ name: '某人', idNumber: '110105194912310021' }, entries)).toEqual([]);
  });

  it('matches names across 简/繁, spaces and pinyin', () => {
    expect(matchWatchlist({ name: '陈伟强' }, entries)).toEqual([{ entryId: 'E1', matchedOn: 'name', how: 'characters' }]);
    expect(matchWatchlist({ name: '陈 伟 强' }, entries)).toHaveLength(1);
    expect(matchWatchlist({ name: 'Chen Weiqiang' }, entries)).toEqual([{ entryId: 'E1', matchedOn: 'name', how: 'pinyin' }]);
  });

  it('matches organisation-level entries only by organisation, and skips inactive entries', () => {
    expect(matchWatchlist({ name: '赵六', company: '可疑貿易' }, entries)).toEqual([{ entryId: 'E3', matchedOn: 'organisation', how: 'exact' }]);
    expect(matchWatchlist({ name: '赵六', company: '正常公司' }, entries)).toEqual([]);
    expect(matchWatchlist({ name: '王五' }, entries)).toEqual([]);
  });

  it('reports the strongest match once per entry', () => {
    const both = [entry('E9', { name: '张伟', idNumber: '11010519491231002X' })];
    expect(matchWatchlist({ name: '张伟', idNumber: '11010519491231002X' }, both)).toEqual([{ entryId: 'E9', matchedOn: 'idNumber', how: 'exact' }]);
  });

  it('keeps search keys for the management list', () => {
    expect(watchlistEntryKeys({ name: '陳偉強', idNumber: '11010519491231002x', organisation: '可疑贸易有限公司' })).toEqual(['陈伟强', 'chenweiqiang', '11010519491231002x', '可疑贸易']);
  });
});

describe('visitor search keys', () => {
  it('finds a visitor by name, pinyin, initials, phone, last four digits, organisation', () => {
    const keys = visitorSearchKeys({ name: '陳偉強', phone: '+86 138 0013 8000', company: '北京恒泰科技有限公司' });
    expect(keys).toEqual(expect.arrayContaining(['陳偉強', '陈伟强', 'chenweiqiang', 'cwq', '13800138000', '8000', '北京恒泰科技有限公司', 'bjhtkjyxgs']));
  });
});
