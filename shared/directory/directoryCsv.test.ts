import { describe, expect, it } from 'vitest';
import { columnForHeader, parseDirectoryCsv } from './directoryCsv';

describe('parseDirectoryCsv', () => {
  it('reads Chinese headers with a BOM and keeps good rows while reporting bad ones', () => {
    const csv = [
      '\uFEFF姓名,部门,职务,分机,手机,邮箱,位置,备注',
      '张三,销售部,经理,2301,13800138000,zhangsan@example.com,3F 301,',
      ',销售部,助理,2302,,,,',
      '李四,财务部,会计,23A1,,,,',
      '王五,财务部,出纳,2401,12345,,,',
      '赵六,行政部,前台,2501,,not-an-email,,',
      '',
      '钱七,行政部,司机,2301,,,,',
      '"孙 八",技术部,"工程师, 后端",2601,+86 139 0000 0001,SUN8@EXAMPLE.COM,"5F",夜班',
    ].join('\r\n');
    const result = parseDirectoryCsv(csv);
    expect(result.problem).toBeUndefined();
    expect(result.rows.map((r) => r.name)).toEqual(['张三', '孙 八']);
    expect(result.rows[1]).toMatchObject({ rowNumber: 9, department: '技术部', title: '工程师, 后端', email: 'sun8@example.com', notes: '夜班' });
    expect(result.badRowCount).toBe(5);
    expect(result.errors).toEqual([
      { rowNumber: 3, field: 'name', reason: 'required', value: '' },
      { rowNumber: 4, field: 'extension', reason: 'malformedExtension', value: '23A1' },
      { rowNumber: 5, field: 'mobile', reason: 'malformedPhone', value: '12345' },
      { rowNumber: 6, field: 'email', reason: 'malformedEmail', value: 'not-an-email' },
      { rowNumber: 8, field: 'extension', reason: 'duplicateInFile', value: '2301', conflictsWith: '2' },
    ]);
  });

  it('reports extensions already taken by existing staff', () => {
    const result = parseDirectoryCsv('name,extension\nAlice,2001\nBob,2002\n', { existingExtensions: new Map([['2002', '张三']]) });
    expect(result.rows.map((r) => r.name)).toEqual(['Alice']);
    expect(result.errors).toEqual([{ rowNumber: 3, field: 'extension', reason: 'duplicateExtension', value: '2002', conflictsWith: '张三' }]);
  });

  it('refuses a file without a name column, and an empty file', () => {
    expect(parseDirectoryCsv('dept,ext\n销售部,2001').problem).toBe('missingNameColumn');
    expect(parseDirectoryCsv('').problem).toBe('empty');
    expect(parseDirectoryCsv('\uFEFF').problem).toBe('empty');
  });

  it('maps header aliases, ignoring unknown columns', () => {
    expect(columnForHeader(' E-Mail ')).toBe('email');
    expect(columnForHeader('分機')).toBe('extension');
    expect(columnForHeader('Job Title')).toBe('title');
    const result = parseDirectoryCsv('Name,Employee No\nAlice,42');
    expect(result.ignoredHeaders).toEqual(['Employee No']);
    expect(result.rows).toHaveLength(1);
  });

  it('flags overlong fields', () => {
    const result = parseDirectoryCsv(`name,department\n${'长'.repeat(65)},销售部\nBob,${'部'.repeat(65)}`);
    expect(result.errors.map((e) => [e.rowNumber, e.field, e.reason])).toEqual([[2, 'name', 'tooLong'], [3, 'department', 'tooLong']]);
  });
});
