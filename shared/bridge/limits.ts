// The bridge's limits and plain checks, shared so that main, the preload and the browser stand-in refuse
// the same things. zod-free: the first screen names them (the export stream's chunk size) without loading the
// schemas (shared/bridge/schemas.ts re-exports all of it; docs/ARCHITECTURE.md, "Loading").
/** Largest chunk `files.writeChunk` accepts: big enough to stream fast, small enough for one IPC message. */
export const MAX_EXPORT_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Largest print document, in UTF-8 bytes (not characters: a Chinese character is 3 bytes, and the old
 * 1,500,000-character limit let 8,000 roll-call rows through that then broke Chromium's 2 MiB URL cap).
 * main loads a document this big from a private temp file instead of a data: URL
 * (main/print/hiddenDocumentWindow.ts); the limit only keeps one IPC message reasonable.
 */
export const MAX_PRINT_HTML_BYTES = 16 * 1024 * 1024;

/** UTF-8 length of a string without encoding it (a 16 MiB document need not be copied to be measured). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

export const MAX_SECRET_VALUE_CHARS = 4096;
export const MAX_SIP_SERVERS = 8;

/** Secrets the app may keep in OS-protected storage. A fixed list: main never stores arbitrary keys. */
export const SECRET_KEYS = ['sip.password', 'sync.password'] as const;
export type SecretKey = (typeof SECRET_KEYS)[number];

/**
 * Byte payloads are Uint8Array on both sides (Electron's structured clone turns Buffers into Uint8Array).
 * Checked by tag, not `instanceof`: an array made in another realm (a test DOM, a frame) is still bytes.
 */
export function isUint8Array(value: unknown): value is Uint8Array {
  return ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]';
}

export const PDF_PAGE_SIZES = ['A4', 'A5', 'A6', 'Letter'] as const;

/**
 * Paper print.page knows. 'ID1' is the ISO/IEC 7810 ID-1 card (85.6 × 54 mm, "CR80"): the size of the
 * clip-on visitor badge holders and of card printers, used for visitor badges.
 */
export const PRINT_PAGE_SIZES = ['A4', 'A5', 'A6', 'Letter', 'ID1'] as const;
export type PdfPageSize = (typeof PDF_PAGE_SIZES)[number];
export type PrintPageSize = (typeof PRINT_PAGE_SIZES)[number];
