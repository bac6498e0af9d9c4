// Strings of the rollcall feature (namespace "rollcall").
const zhCN = { title: 'rollcall' };
const zhTW: typeof zhCN = { title: 'rollcall' };
const en: typeof zhCN = { title: 'rollcall' };

export const rollcallLocales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
