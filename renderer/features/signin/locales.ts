// Strings of sign-in, the desk lock, switching person, the shift handover and staff accounts
// (namespace "signin"). zh-CN is the reference type, so a key missing in another language fails to compile.
// Each language is its own module (./strings/): the shell loads zh-CN at start and the others when used.
import zhCN from './strings/zh-CN';
import zhTW from './strings/zh-TW';
import en from './strings/en';

export type { SigninStrings } from './strings/zh-CN';

export const signinLocales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
