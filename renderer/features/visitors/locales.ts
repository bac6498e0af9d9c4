// Strings of the visitors feature (namespace "visitors").
const zhCN = { title: '访客登记' };
const zhTW: typeof zhCN = { title: '访客登记' };
const en: typeof zhCN = { title: '访客登记' };

export const visitorsLocales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
