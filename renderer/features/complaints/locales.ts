// Strings of visitors' suggestions and complaints (namespace "complaints"). The three languages carry
// identical keys; zh-CN is the reference type, so a key missing in another language fails to compile.
// Each language is its own module (./strings/): the shell loads zh-CN at start and the others when used.
import zhCN from './strings/zh-CN';
import zhTW from './strings/zh-TW';
import en from './strings/en';

export type { ComplaintsStrings } from './strings/zh-CN';

export const complaintsLocales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
