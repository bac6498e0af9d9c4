// What a person typed or a file carried, cleaned before it is stored, shown or matched. Names are where
// it matters most: a watchlist name with a zero-width space (U+200B), a joiner, a soft hyphen or a
// variation selector inside looks exactly like the listed name on the board but compared as a different
// string, so it slipped past the check-in alert. Bidi overrides make "LIVE" read as "EVIL" on screen,
// and NUL/ESC have no business in a record, a screen or an exported CSV.
//
// Two strengths:
// - cleanName / INVISIBLE: single-line identifiers (names, organisations, phone numbers, every match key)
//   lose every format (\p{Cf}), control (\p{Cc}) and variation-selector character, and every other
//   default-ignorable code point (Hangul fillers, U+034F …): none of them is visible in a name.
//   Line breaks and tabs become spaces first, so "张\n伟" does not turn into one word by accident.
// - cleanText: free text (notes, purposes, reasons) keeps its line breaks and tabs and any joiner an
//   emoji or a script needs, and loses only what is never legitimate in a record: bidi embeddings,
//   overrides and isolates, and the C0/C1 controls (NUL, ESC, BEL …).

/** Format, control, variation-selector and other default-ignorable characters (invisible in a name). */
const INVISIBLE = /[\p{Cf}\p{Cc}\p{Default_Ignorable_Code_Point}\uFE00-\uFE0F\u{E0100}-\u{E01EF}]/gu;
/** Bidi embeddings/overrides (U+202A–202E), isolates (U+2066–2069) and the marks LRM/RLM/ALM. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;
/** C0 and C1 controls except tab, line feed and carriage return. */
// eslint-disable-next-line no-control-regex -- finding control characters is what this pattern is for
const CONTROLS_BUT_LINES = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Whitespace that is a control character: it separates words, so it becomes a space, not nothing. */
const CONTROL_SPACES = /[\t\n\v\f\r\u0085\u2028\u2029]/g;

/** True when the text holds a character cleanName would remove. */
export function hasInvisibleCharacters(value: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(value);
}

/** Removes every invisible character; line breaks and tabs become spaces. Does not trim or normalise. */
export function stripInvisible(value: string): string {
  return value.replace(CONTROL_SPACES, ' ').replace(INVISIBLE, '');
}

/** A single-line name as stored and shown: invisible characters removed, spaces collapsed, trimmed, NFC. */
export function cleanName(value: string | undefined): string {
  return stripInvisible(value ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Free text as stored and shown: bidi controls and NUL/ESC-like controls removed; lines kept; NFC. */
export function cleanText(value: string | undefined): string {
  return (value ?? '').replace(BIDI_CONTROLS, '').replace(CONTROLS_BUT_LINES, '').normalize('NFC');
}
