// The byte fixtures were produced with Debian's iconv (glibc), e.g.
// printf 'name,department\n张三,销售部\n' | iconv -f UTF-8 -t GBK | xxd -p
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from './decodeCsvBytes';

const hex = (value: string) => Uint8Array.from(value.match(/../g)!.map((b) => parseInt(b, 16)));
const utf8 = (text: string) => new TextEncoder().encode(text);

/** '姓名,部门,分机,手机\n张三,销售部,2301,13800138000\n欧阳娜娜,技术部,2302,\n𠀀字,行政部,2303,\n' in GB18030 (𠀀 is a four-byte sequence). */
const GB18030_DIRECTORY = hex(
  'd0d5c3fb2cb2bfc3c52cb7d6bbfa2ccad6bbfa0ad5c5c8fd2ccffacadbb2bf2c323330312c31333830303133383030300a' +
  'c5b7d1f4c4c8c4c82cbcbccaf5b2bf2c323330322c0a95328236d7d62cd0d0d5feb2bf2c323330332c0a',
);
/** 'name,department\n张三,销售部\n' in GBK: English headers, Chinese names. */
const GBK_ENGLISH_HEADERS = hex('6e616d652c6465706172746d656e740ad5c5c8fd2ccffacadbb2bf0a');
/** '姓名\t部门\n张三\t销售部\n' in UTF-16 LE (Excel's "Unicode text") and '姓名,部门\n张三,销售部\n' in UTF-16 BE, each after its BOM. */
const UTF16LE = hex('fffe' + 'd3590d540900e890e8950a00205f094e090000952e55e8900a00');
const UTF16BE = hex('feff' + '59d3540d002c90e895e8000a5f204e09002c9500552e90e8000a');

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with and without a BOM, and drops the BOM', () => {
    expect(decodeCsvBytes(utf8('姓名,部门\n张三,销售部\n'))).toEqual({ ok: true, text: '姓名,部门\n张三,销售部\n', encoding: 'utf-8' });
    expect(decodeCsvBytes(utf8('\uFEFF姓名\n张三\n'))).toEqual({ ok: true, text: '姓名\n张三\n', encoding: 'utf-8-bom' });
    expect(decodeCsvBytes(utf8('name\nAlice\n'))).toEqual({ ok: true, text: 'name\nAlice\n', encoding: 'utf-8' });
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ ok: true, text: '', encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    expect(decodeCsvBytes(UTF16LE)).toEqual({ ok: true, text: '姓名\t部门\n张三\t销售部\n', encoding: 'utf-16le' });
    expect(decodeCsvBytes(UTF16BE)).toEqual({ ok: true, text: '姓名,部门\n张三,销售部\n', encoding: 'utf-16be' });
  });

  it('reads a file Excel saved in GB18030/GBK, Chinese headers or English ones, with no U+FFFD', () => {
    const directory = decodeCsvBytes(GB18030_DIRECTORY);
    expect(directory).toEqual({ ok: true, encoding: 'gb18030', text: '姓名,部门,分机,手机\n张三,销售部,2301,13800138000\n欧阳娜娜,技术部,2302,\n𠀀字,行政部,2303,\n' });
    const english = decodeCsvBytes(GBK_ENGLISH_HEADERS);
    expect(english).toEqual({ ok: true, encoding: 'gb18030', text: 'name,department\n张三,销售部\n' });
    // What the import did before: UTF-8 read the same bytes as replacement characters.
    expect(new TextDecoder('utf-8').decode(GBK_ENGLISH_HEADERS)).toContain('\uFFFD');
  });

  it('refuses bytes that are neither UTF-8 nor GB18030, and a file that already holds U+FFFD', () => {
    // 0xFF is never valid in GB18030; 0xC3 0x28 is not valid UTF-8.
    expect(decodeCsvBytes(hex('6e616d650affff0a'))).toEqual({ ok: false, problem: 'undecodable', tried: ['utf-8', 'gb18030'] });
    // Valid UTF-8 holding U+FFFD lost its characters earlier; read as GB18030 it would store "锟斤拷".
    expect(decodeCsvBytes(utf8('name\nA\uFFFDB\n'))).toEqual({ ok: false, problem: 'undecodable', tried: ['utf-8'] });
    // A BOM that lies is a broken file, not a reason to guess another encoding.
    expect(decodeCsvBytes(hex('efbbbf' + 'd5c5c8fd'))).toEqual({ ok: false, problem: 'undecodable', tried: ['utf-8-bom'] });
    expect(decodeCsvBytes(hex('fffe' + '00d8'))).toEqual({ ok: false, problem: 'undecodable', tried: ['utf-16le'] });
  });
});
