import { describe, expect, it } from 'vitest';
import { digitsOnly, matchesAllTokens, nameSearchKeys, nameSortKey, normaliseQuery, personSearchKeys, pinyinFull, pinyinInitials } from './searchKeys';

const finds = (keys: string[], query: string) => matchesAllTokens(keys, normaliseQuery(query));

describe('search keys', () => {
  it('finds 张三 by initials, full pinyin, characters and given name', () => {
    const keys = nameSearchKeys('张三');
    for (const q of ['zs', 'zhangsan', 'zhang', '张', '张三', 'san', '三', 'ZS', 'Ｚｓ']) expect(finds(keys, q), q).toBe(true);
    expect(finds(keys, 'ls')).toBe(false);
  });

  it('reads polyphonic surnames as surnames', () => {
    expect(pinyinFull('单雄信')).toBe('shanxiongxin');
    expect(pinyinInitials('曾国藩')).toBe('zgf');
    expect(pinyinFull('解缙')).toBe('xiejin');
    expect(pinyinFull('仇英')).toBe('qiuying');
    expect(pinyinFull('区志强')).toBe('ouzhiqiang');
    expect(pinyinFull('乐嘉')).toBe('yuejia');
  });

  it('spells ü both ways', () => {
    const keys = nameSearchKeys('吕芳');
    expect(finds(keys, 'lufang')).toBe(true);
    expect(finds(keys, 'lvfang')).toBe(true);
    expect(finds(keys, 'lf')).toBe(true);
  });

  it('handles Latin names and sort keys', () => {
    expect(nameSearchKeys('Tom Li')).toEqual(expect.arrayContaining(['tomli', 'tl', 'li']));
    expect(nameSortKey('张三')).toBe('zhang san');
    expect(nameSortKey('吕芳')).toBe('lv fang');
    expect(nameSortKey(' Alice  Wang ')).toBe('alice wang');
  });

  it('adds extension, phone digits, last four digits and department', () => {
    const keys = personSearchKeys({ name: '李娜', extension: '2301', mobile: '138-0013-8000', departmentName: '销售部', email: 'Li.Na@Example.com' });
    for (const q of ['2301', '13800138000', '+8613800138000', '8000', '销售', 'xsb', 'xiaoshou', 'li.na@', 'ln']) expect(finds(keys, q), q).toBe(true);
    expect(finds(keys, '销售 ln')).toBe(true);
    expect(finds(keys, '销售 zs')).toBe(false);
  });

  it('normalises phone numbers and queries', () => {
    expect(digitsOnly('+86 (10) 8888-6666')).toBe('861088886666');
    expect(normaliseQuery('  Zhang   San ')).toEqual(['zhang', 'san']);
  });
});
