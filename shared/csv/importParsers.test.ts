// Both CSV imports (directory, expected visitors) follow one row-numbering rule, report the parser's
// errors per row, and store names without invisible characters.
import { describe, expect, it } from 'vitest';
import { parseDirectoryCsv } from '../directory/directoryCsv';
import { parseExpectedCsv, type HostLookup } from '../visitors/expectedCsv';
import { decodeCsvBytes } from './decodeCsvBytes';

const HOST = { id: '01HZX3K4Q5R6S7T8V9W0XYZAAA', name: '张三' };
const hosts: HostLookup = { byExtension: new Map([['2301', HOST]]), byName: new Map([['张三', [HOST]]]) };
const DAY = new Date(2025, 2, 14);

// The same people in both formats: a multi-line note on row 3 (rows 3–5), a blank row 6, a row of
// commas 7, and a bad phone on row 8.
const DIRECTORY = '姓名,分机,手机,备注\n甲,2001,,\n乙,2002,,"第一行\n第二行\n第三行"\n\n,,,\n丙,2003,12345,\n丁,2004,,\n';
const EXPECTED = '姓名,电话,拜访对象,备注\n甲,,2301,\n乙,,2301,"第一行\n第二行\n第三行"\n\n,,,\n丙,12345,2301,\n丁,,2301,\n';

describe('one row-numbering rule for every import', () => {
  it('numbers rows by the line they start on, after blank lines and multi-line cells', () => {
    const directory = parseDirectoryCsv(DIRECTORY);
    const expected = parseExpectedCsv(EXPECTED, hosts, DAY);
    expect(directory.rows.map((r) => [r.rowNumber, r.name])).toEqual([[2, '甲'], [3, '乙'], [9, '丁']]);
    expect(expected.rows.map((r) => [r.rowNumber, r.input.name])).toEqual([[2, '甲'], [3, '乙'], [9, '丁']]);
    expect(directory.errors.map((e) => [e.rowNumber, e.field])).toEqual([[8, 'mobile']]);
    expect(expected.errors.map((e) => [e.rowNumber, e.field])).toEqual([[8, 'phone']]);
  });
});

describe('an unclosed quote', () => {
  const people = Array.from({ length: 17 }, (_, i) => `人${i + 1},${3000 + i}`);
  const csv = ['姓名,分机', '甲,2001', '"乙,2002', ...people].join('\n');

  it('is one bad row with its number; the 17 rows after it are imported', () => {
    const result = parseDirectoryCsv(csv);
    expect(result.syntaxErrors.map((e) => [e.rowNumber, e.problem, e.line])).toEqual([[3, 'unclosedQuote', '"乙,2002']]);
    expect(result.rows).toHaveLength(18);
    expect(result.rows.at(-1)).toMatchObject({ rowNumber: 20, name: '人17', extension: '3016' });
    expect(result.badRowCount).toBe(1);
  });

  it('is reported the same way by the expected-visitor import', () => {
    const result = parseExpectedCsv(['姓名,拜访对象', '甲,2301', '"乙,2301', ...people.map((p) => `${p.split(',')[0]},2301`)].join('\n'), hosts, DAY);
    expect(result.syntaxErrors.map((e) => [e.rowNumber, e.problem])).toEqual([[3, 'unclosedQuote']]);
    expect(result.rows).toHaveLength(18);
    expect(result.badRowCount).toBe(1);
  });
});

describe('invisible characters in imported names', () => {
  it('are removed from names, and bidi overrides and NUL/ESC from every field', () => {
    const directory = parseDirectoryCsv('姓名,分机,备注\n张\u200B伟\u202E,2001,"夜班\u0000\u001B\n第二行"\n');
    expect(directory.rows[0]).toMatchObject({ name: '张伟', notes: '夜班\n第二行' });
    const expected = parseExpectedCsv('姓名,单位,事由\n\u2066张\u00AD伟\uFE0F,恒\u200D泰,洽\u202E谈\n', hosts, DAY);
    expect(expected.rows[0]!.input).toMatchObject({ name: '张伟', company: '恒泰' });
    expect(expected.rows[0]!.input.purpose).toBe('洽谈');
  });

  it('do not hide a header', () => {
    expect(parseDirectoryCsv('\u200B姓名\u200D,分机\n张伟,2001\n').rows[0]).toMatchObject({ name: '张伟', extension: '2001' });
  });
});

describe('a file saved by Excel in GB18030', () => {
  it('is read with its Chinese headers once decoded', () => {
    // '姓名,部门,分机\n张三,销售部,2301\n' in GBK (iconv -f UTF-8 -t GBK).
    const bytes = Uint8Array.from('d0d5c3fb2cb2bfc3c52cb7d6bbfa0ad5c5c8fd2ccffacadbb2bf2c323330310a'.match(/../g)!.map((b) => parseInt(b, 16)));
    const decoded = decodeCsvBytes(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding: 'gb18030' });
    const result = parseDirectoryCsv(decoded.ok ? decoded.text : '');
    expect(result.problem).toBeUndefined();
    expect(result.rows).toEqual([expect.objectContaining({ rowNumber: 2, name: '张三', department: '销售部', extension: '2301' })]);
  });
});
