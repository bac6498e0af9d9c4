// The ways a listed name was got past the check-in alert (issue 8, "The watchlist can be slipped past"):
// invisible characters inside the name, and the name given as initials.
import { describe, expect, it } from 'vitest';
import { matchWatchlist, namesMatch, type WatchlistEntryFields } from './watchlistMatch';
import { nameMatchKey } from './nameMatching';

const listed: WatchlistEntryFields[] = [{ id: 'W1', name: '张伟', active: 1 }];
const other: WatchlistEntryFields[] = [{ id: 'W2', name: '李娜', active: 1 }];
const alert = [{ entryId: 'W1', matchedOn: 'name', how: 'characters' }];

// Each code point the issue names: zero-width space, zero-width joiner, word joiner, soft hyphen,
// right-to-left mark, variation selector 16, right-to-left override, NUL, ESC; and a few more of each class.
const INVISIBLE: Record<string, string> = {
  'U+200B': '\u200B', 'U+200D': '\u200D', 'U+2060': '\u2060', 'U+00AD': '\u00AD', 'U+200F': '\u200F',
  'U+FE0F': '\uFE0F', 'U+202E': '\u202E', 'U+0000': '\u0000', 'U+001B': '\u001B',
  'U+200C': '\u200C', 'U+FEFF': '\uFEFF', 'U+2066': '\u2066', 'U+FE00': '\uFE00', 'U+E0100': '\u{E0100}',
  'U+E01EF': '\u{E01EF}', 'U+0007': '\u0007', 'U+007F': '\u007F', 'U+009B': '\u009B', 'U+3164': '\u3164',
};

describe('invisible characters in a name', () => {
  for (const [label, ch] of Object.entries(INVISIBLE)) {
    it(`${label} inside, before or after the name still raises the alert`, () => {
      expect(matchWatchlist({ name: `张${ch}伟` }, listed)).toEqual(alert);
      expect(matchWatchlist({ name: `${ch}张伟${ch}` }, listed)).toEqual(alert);
      expect(matchWatchlist({ name: `张${ch}${ch}伟` }, listed)).toEqual(alert);
      // The other way round: an entry saved with the character matches the clean name.
      expect(matchWatchlist({ name: '张伟' }, [{ id: 'W1', name: `张${ch}伟`, active: 1 }])).toEqual(alert);
      // Pinyin and initials are not slipped past either.
      expect(namesMatch(`Zhang${ch}Wei`, '张伟')).toBe('pinyin');
      expect(namesMatch(`z${ch}w`, '张伟')).toBe('initials');
      expect(nameMatchKey(`张${ch}伟`)).toBe('张伟');
    });
  }

  it('still tells different people apart', () => {
    expect(matchWatchlist({ name: '张\u200B卫' }, listed)).toEqual([]);
    expect(matchWatchlist({ name: '\u202E伟张' }, listed)).toEqual([]);
  });

  it('treats a tab or line break inside a name as a space, not as nothing', () => {
    expect(namesMatch('Zhang\tWei', 'Zhang Wei')).toBe('characters');
    expect(namesMatch('Wei\nZhang', '张伟')).toBe('pinyin');
  });
});

describe('a name given as initials', () => {
  it('raises the same alert for zw, ZW and z w as for 张伟', () => {
    for (const name of ['zw', 'ZW', 'z w', 'Z. W.', 'Ｚ Ｗ', 'z-w']) {
      expect(matchWatchlist({ name }, listed), name).toEqual([{ entryId: 'W1', matchedOn: 'name', how: 'initials' }]);
    }
    expect(matchWatchlist({ name: 'zw' }, [{ id: 'W3', name: '張偉', active: 1 }])).toEqual([{ entryId: 'W3', matchedOn: 'name', how: 'initials' }]);
    expect(namesMatch('ln', '李娜')).toBe('initials');
  });

  it('does not alert for initials that do not fit', () => {
    for (const name of ['zl', 'z', 'wz', 'zwq', 'zhw', 'z1']) expect(matchWatchlist({ name }, listed), name).toEqual([]);
    expect(matchWatchlist({ name: 'zw' }, other)).toEqual([]);
  });

  it('never matches initials against a one-character name', () => {
    expect(namesMatch('w', '伟')).toBe(false);
  });
});
