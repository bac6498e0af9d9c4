// The bytes of an imported CSV file, read as text in the encoding they were written in. Excel on a
// Chinese Windows saves "CSV (逗号分隔)" in the system code page, GB18030/GBK, not UTF-8: read as UTF-8 it
// either lost its Chinese headers ("missing 姓名 column") or, with English headers, stored every name as
// "����". So: a byte-order mark decides (UTF-8, UTF-16 LE/BE); without one, strict UTF-8, and when that
// fails, GB18030 (a superset of GBK and GB2312; every Chromium and Node with full ICU decodes it).
// Decoding is strict (fatal): a byte sequence that is not valid in the encoding makes it fail instead of
// turning into U+FFFD, and a text that holds U+FFFD anyway (the file lost characters before it came
// here) is refused as well, so a replacement character is never stored.

export const CSV_ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** How each encoding is named in the import preview ("Encoding: GB18030"); technical names, not translated. */
export const CSV_ENCODING_NAMES: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  gb18030: 'GB18030',
};

export type DecodedCsv =
  | { ok: true; text: string; encoding: CsvEncoding }
  /** Not valid in any of the encodings tried (or it holds U+FFFD already): nothing is imported. */
  | { ok: false; problem: 'undecodable'; tried: CsvEncoding[] };

const REPLACEMENT = '\uFFFD';

/** The text in the given WHATWG encoding, or undefined when the bytes are not valid in it. */
function strictDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    // ignoreBOM: false (the default) drops a leading BOM of the same encoding.
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    // TypeError: invalid for the encoding; RangeError: a runtime without this encoding (Node small-ICU).
    return undefined;
  }
}

function decoded(text: string | undefined, encoding: CsvEncoding, tried: CsvEncoding[]): DecodedCsv {
  return text === undefined || text.includes(REPLACEMENT) ? { ok: false, problem: 'undecodable', tried } : { ok: true, text, encoding };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  // A byte-order mark says what the file is; a file that then does not decode is broken, not another encoding.
  const declared: [readonly number[], CsvEncoding, string][] = [
    [[0xef, 0xbb, 0xbf], 'utf-8-bom', 'utf-8'],
    [[0xff, 0xfe], 'utf-16le', 'utf-16le'],
    [[0xfe, 0xff], 'utf-16be', 'utf-16be'],
  ];
  for (const [bom, encoding, label] of declared) {
    if (startsWith(bytes, bom)) return decoded(strictDecode(bytes, label), encoding, [encoding]);
  }
  // Valid UTF-8 is UTF-8, even when it holds U+FFFD: read as GB18030 those bytes would become "锟斤拷".
  const utf8 = strictDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return decoded(utf8, 'utf-8', ['utf-8']);
  return decoded(strictDecode(bytes, 'gb18030'), 'gb18030', ['utf-8', 'gb18030']);
}
