// Traditional → Simplified folding for matching (not for display): a watchlist entry typed in 繁體 must
// match the same name typed in 简体 and the other way round. Only the t2cn half of OpenCC is loaded
// (about 100 KB instead of 1.2 MB), and the converters are built on first use.
import * as OpenCC from 'opencc-js/t2cn';

let convert: ((text: string) => string) | undefined;

/** The text with traditional characters (Taiwan and Hong Kong forms) folded to simplified ones. */
export function toSimplified(text: string): string {
  if (!convert) {
    const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
    const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
    convert = (value) => hk(tw(value));
  }
  // Pure ASCII has nothing to fold.
  return /^[\p{ASCII}]*$/u.test(text) ? text : convert(text);
}
