import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvLine } from './csv';
import { escapeHtml } from './html';

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run as a formula', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1`).startsWith(`'`) || csvCell(`${start}1`).startsWith(`"'`)).toBe(true);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('plain')).toBe('plain');
    // A bidi override or a control character in front cannot hide the formula, and none reaches the file.
    expect(csvCell('\u202E=1+1')).toBe("'=1+1");
    expect(csvCell('\u0000\u001B=cmd')).toBe("'=cmd");
    expect(csvCell('LIVE\u202E EVIL\u2066')).toBe('LIVE EVIL');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('ACME, Inc.')).toBe('"ACME, Inc."');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvLine(['张三', '', 'x,y'])).toBe('张三,,"x,y"');
  });

  it('writes a document with a BOM and CRLF line ends (BOM optional)', () => {
    expect(csvDocument(['名字', 'Org'], [['王五', '=1'], ['Alice', 'ACME, Inc.']])).toBe(`\uFEFF名字,Org\r\n王五,'=1\r\nAlice,"ACME, Inc."\r\n`);
    expect(csvDocument(['a'], [], { bom: false })).toBe('a\r\n');
  });
});

describe('HTML for print documents', () => {
  it('escapes every character that could become markup', () => {
    expect(escapeHtml(`<b a="1">'&'</b>`)).toBe('&#60;b a=&#34;1&#34;&#62;&#39;&#38;&#39;&#60;/b&#62;');
    expect(escapeHtml('张三 (ACME)')).toBe('张三 (ACME)');
  });
});
