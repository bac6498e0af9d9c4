import { describe, expect, it } from 'vitest';
import { parseExpectedCsv, type HostLookup } from './expectedCsv';

const HOST_A = { id: '01HZX3K4Q5R6S7T8V9W0XYZAAA', name: '张三' };
const HOST_B = { id: '01HZX3K4Q5R6S7T8V9W0XYZBBB', name: '李四' };
const hosts: HostLookup = { byExtension: new Map([['2301', HOST_A]]), byName: new Map([['张三', [HOST_A]], ['李四', [HOST_B, { ...HOST_B, id: '01HZX3K4Q5R6S7T8V9W0XYZCCC' }]]]) };

describe('expected visitors CSV', () => {
  it('reads Chinese headers, resolves hosts by extension or name, and lists bad rows with reasons', () => {
    const csv = '\uFEFF姓名,单位,电话,拜访对象,日期,时间,事由\n王明,恒泰,13800138000,2301,2025-03-14,14:30,洽谈\n赵六,,12800000000,张三,2025-03-14,,\n钱七,,,李四,2025-02-30,9:00,\n,,,,,,\n孙八,,,王某,,,';
    const parsed = parseExpectedCsv(csv, hosts, new Date(2025, 2, 14));
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.rows[0]).toMatchObject({ rowNumber: 2, hostName: '张三', input: { name: '王明', hostStaffId: HOST_A.id, expectedAt: new Date(2025, 2, 14, 14, 30).getTime() } });
    expect(parsed.errors.map((e) => [e.rowNumber, e.field, e.reason])).toEqual([
      [3, 'phone', 'phoneMobile'],
      [4, 'date', 'date'],
      [4, 'host', 'ambiguousHost'],
      // Row 5 is blank (only commas): 孙八 is on line 6, as the spreadsheet shows it.
      [6, 'host', 'unknownHost'],
    ]);
    expect(parsed.badRowCount).toBe(3);
  });

  it('refuses a file without a name column', () => {
    expect(parseExpectedCsv('foo,bar\n1,2', hosts, new Date()).problem).toBe('missingColumns');
    expect(parseExpectedCsv('', hosts, new Date()).problem).toBe('empty');
  });
});
