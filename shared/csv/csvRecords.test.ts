import { describe, expect, it } from 'vitest';
import { readCsvRecords } from './csvRecords';

const rows = (text: string) => readCsvRecords(text).records.map((r) => [r.rowNumber, r.cells[0]]);

describe('readCsvRecords: row numbers as a spreadsheet shows them', () => {
  it('counts blank lines and the extra lines of multi-line cells', () => {
    const csv = 'name,notes\nA,"one\ntwo\nthree"\n\n\nB,x\n,\n  ,  \nC,"x\r\ny"\nD,z';
    expect(rows(csv)).toEqual([[1, 'name'], [2, 'A'], [7, 'B'], [10, 'C'], [12, 'D']]);
    expect(readCsvRecords(csv).records[1]!.cells).toEqual(['A', 'one\ntwo\nthree']);
  });

  it('counts CRLF and lone CR line endings once each, and ignores a BOM', () => {
    expect(rows('\uFEFFname\r\nA\r\n\r\nB\r\n')).toEqual([[1, 'name'], [2, 'A'], [4, 'B']]);
    expect(rows('name\rA\r\rB')).toEqual([[1, 'name'], [2, 'A'], [4, 'B']]);
  });

  it('starts counting at the first line even when the file begins with blank lines', () => {
    expect(rows('\n\nname\nA\n')).toEqual([[3, 'name'], [4, 'A']]);
  });

  it('detects tab and semicolon delimiters', () => {
    expect(readCsvRecords('姓名\t部门\n张三\t销售部\n').records[1]!.cells).toEqual(['张三', '销售部']);
    expect(readCsvRecords('name;dept\nA;B\n').records[1]!.cells).toEqual(['A', 'B']);
  });

  it('cleans bidi overrides and NUL/ESC out of every cell', () => {
    expect(readCsvRecords('name\n\u202EA\u0000\u001BB\n').records[1]!.cells).toEqual(['AB']);
  });
});

describe('readCsvRecords: the parser\'s errors, per row', () => {
  it('reports an unclosed quote on its own row and reads every row after it', () => {
    const people = Array.from({ length: 17 }, (_, i) => `P${i + 1},${2000 + i}`);
    const csv = ['name,extension', 'A,1999', '"Broken,2100', ...people].join('\n') + '\n';
    const read = readCsvRecords(csv);
    expect(read.syntaxErrors).toEqual([{ rowNumber: 3, problem: 'unclosedQuote', line: '"Broken,2100', detail: 'Quoted field unterminated' }]);
    expect(read.records.map((r) => r.rowNumber)).toEqual([1, 2, ...people.map((_, i) => i + 4)]);
    expect(read.records.at(-1)!.cells).toEqual(['P17', '2016']);
  });

  it('recovers after several unclosed quotes, keeping the detected delimiter', () => {
    const read = readCsvRecords('a;b\nA;1\nB;2\n"x;1\nC;2\n"y;3\nD;4');
    expect(read.syntaxErrors.map((e) => [e.rowNumber, e.problem])).toEqual([[4, 'unclosedQuote'], [6, 'unclosedQuote']]);
    expect(read.records.map((r) => [r.rowNumber, ...r.cells])).toEqual([[1, 'a', 'b'], [2, 'A', '1'], [3, 'B', '2'], [5, 'C', '2'], [7, 'D', '4']]);
  });

  it('reports a malformed closing quote and keeps the rows after it', () => {
    const read = readCsvRecords('name,notes\nA,"x"y",z\nB,ok\n');
    expect(read.syntaxErrors.map((e) => [e.rowNumber, e.problem, e.line])).toEqual([[2, 'malformedQuote', 'A,"x"y",z']]);
    expect(rows('name,notes\nA,"x"y",z\nB,ok\n')).toEqual([[1, 'name'], [3, 'B']]);
  });

  it('reads a quote inside an unquoted cell as a character, as spreadsheets do', () => {
    const read = readCsvRecords('name,notes\nA,5" screen\nB,ok\n');
    expect(read.syntaxErrors).toEqual([]);
    expect(read.records.map((r) => r.cells)).toEqual([['name', 'notes'], ['A', '5" screen'], ['B', 'ok']]);
  });

  it('reads an empty text as no records', () => {
    expect(readCsvRecords('')).toEqual({ records: [], syntaxErrors: [] });
    expect(readCsvRecords('\uFEFF')).toEqual({ records: [], syntaxErrors: [] });
  });
});
