// Strings of the badges feature (namespace "badges").
const zhCN = { title: 'badges' };
const zhTW: typeof zhCN = { title: 'badges' };
const en: typeof zhCN = { title: 'badges' };

export const badgesLocales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
