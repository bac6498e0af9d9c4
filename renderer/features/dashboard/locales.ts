// Strings of the dashboard feature (namespace "dashboard").
const zhCN = { title: 'dashboard' };
const zhTW: typeof zhCN = { title: 'dashboard' };
const en: typeof zhCN = { title: 'dashboard' };

export const dashboardLocales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
