// The functions of shared/ that make search and match keys with the heavy text libraries (pinyin-pro,
// opencc-js, libphonenumber-js with its full metadata). renderer/db reaches them only through
// textKeys.ts, which imports this module lazily: the first screen reads the database without them.
export { phoneKey, phoneSearchKeys } from '@shared/phone/phoneKey';
export { nameSearchKeys, nameSortKey, personSearchKeys } from '@shared/search/searchKeys';
export { visitorSearchKeys } from '@shared/visitors/nameMatching';
export { matchWatchlist, watchlistEntryKeys } from '@shared/visitors/watchlistMatch';
