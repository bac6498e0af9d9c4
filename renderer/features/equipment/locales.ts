// Strings of the equipment log (namespace "equipment"). zh-CN is the reference type.
// Each language is its own module (./strings/): the shell loads zh-CN at start and the others when used.
import zhCN from './strings/zh-CN';
import zhTW from './strings/zh-TW';
import en from './strings/en';

export type { EquipmentStrings } from './strings/zh-CN';

export const equipmentLocales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
