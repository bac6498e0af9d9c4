// Strings of the complaints feature (namespace "complaints").
const zhCN = { title: 'complaints' };
const zhTW: typeof zhCN = { title: 'complaints' };
const en: typeof zhCN = { title: 'complaints' };

export const complaintsLocales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
