// Strings of call notes (namespace "callnotes"). zh-CN is the reference type.
// Each language is its own module (./strings/): the shell loads zh-CN at start and the others when used.
import zhCN from './strings/zh-CN';
import zhTW from './strings/zh-TW';
import en from './strings/en';

export type { CallNotesStrings } from './strings/zh-CN';

export const callNotesLocales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
