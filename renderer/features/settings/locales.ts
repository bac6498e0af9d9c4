// Strings of the Settings screen's own sections (namespace "settings"; the language and about sections use
// the shell's `common`). zh-CN is the reference type, so a key missing in another language fails to compile.
const zhCN = {
  records: {
    title: '总机记录',
    help: '本机的区号用于识别同一号码（带或不带区号的座机视为同一号码）；来电记录的类别和“三声内接听”的时限用于来电记录和今日概览。',
    areaCode: '本地区号',
    areaCodeHelp: '例如 010、0755；留空则不补区号',
    answerTarget: '接听时限（秒）',
    answerTargetHelp: '今日概览按此统计“三声内接听”，默认 18 秒',
    categories: '来电记录类别',
    newCategory: '新类别',
    add: '添加类别',
    remove: '删除类别“{{name}}”',
    restoreDefaults: '恢复默认类别',
    save: '保存总机记录设置',
    saved: '总机记录设置已保存',
    errors: {
      areaCode: '区号应为 3 到 4 位数字，以 0 开头，例如 010 或 0755',
      answerTarget: '接听时限应为 1 到 120 之间的整数秒',
      categories: '至少需要一个类别',
      categoryDuplicate: '类别“{{name}}”已存在',
      categoryTooLong: '类别名称最多 64 个字',
      invalid: '未保存：{{message}}',
      denied: '未保存：当前登录的人员无权修改设置',
      failed: '保存失败：{{message}}',
    },
  },
};
export type SettingsStrings = typeof zhCN;

const zhTW: SettingsStrings = {
  records: {
    title: '總機紀錄',
    help: '本機的區碼用於識別同一號碼（帶或不帶區碼的市話視為同一號碼）；來電紀錄的類別和「三聲內接聽」的時限用於來電紀錄和今日概覽。',
    areaCode: '本地區碼',
    areaCodeHelp: '例如 010、0755；留空則不補區碼',
    answerTarget: '接聽時限（秒）',
    answerTargetHelp: '今日概覽按此統計「三聲內接聽」，預設 18 秒',
    categories: '來電紀錄類別',
    newCategory: '新類別',
    add: '新增類別',
    remove: '刪除類別「{{name}}」',
    restoreDefaults: '恢復預設類別',
    save: '儲存總機紀錄設定',
    saved: '總機紀錄設定已儲存',
    errors: {
      areaCode: '區碼應為 3 到 4 位數字，以 0 開頭，例如 010 或 0755',
      answerTarget: '接聽時限應為 1 到 120 之間的整數秒',
      categories: '至少需要一個類別',
      categoryDuplicate: '類別「{{name}}」已存在',
      categoryTooLong: '類別名稱最多 64 個字',
      invalid: '未儲存：{{message}}',
      denied: '未儲存：目前登入的人員無權修改設定',
      failed: '儲存失敗：{{message}}',
    },
  },
};

const en: SettingsStrings = {
  records: {
    title: 'Switchboard records',
    help: "The desk's area code makes a local landline one number with or without it; the call-note categories and the answer-time target are used by call notes and the dashboard.",
    areaCode: 'Local area code',
    areaCodeHelp: 'For example 010 or 0755; leave empty for none',
    answerTarget: 'Answer-time target (seconds)',
    answerTargetHelp: 'The dashboard counts calls answered within this time; 18 s (three rings) by default',
    categories: 'Call-note categories',
    newCategory: 'New category',
    add: 'Add category',
    remove: 'Remove category "{{name}}"',
    restoreDefaults: 'Restore default categories',
    save: 'Save switchboard record settings',
    saved: 'Switchboard record settings saved',
    errors: {
      areaCode: 'An area code is 3 or 4 digits starting with 0, for example 010 or 0755',
      answerTarget: 'The answer-time target must be a whole number of seconds from 1 to 120',
      categories: 'At least one category is needed',
      categoryDuplicate: 'The category "{{name}}" is already in the list',
      categoryTooLong: 'A category name has at most 64 characters',
      invalid: 'Not saved: {{message}}',
      denied: 'Not saved: the person signed in may not change settings',
      failed: 'Saving failed: {{message}}',
    },
  },
};

export const settingsLocales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
