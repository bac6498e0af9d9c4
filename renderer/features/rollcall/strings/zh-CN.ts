// Strings of namespace "rollcall" in zh-CN, the reference type and every language's fallback (the feature's locales.ts puts the three languages together).
const zhCN = {
  title: '紧急点名：当前在场人员',
  shortcut: '紧急点名（任何画面）',
  summary: '在场 {{people}} 人（{{visits}} 批访客）',
  generatedAt: '生成时间：{{time}}',
  offline: '只读取本机数据，断网时也可使用。',
  sortBy: '排序',
  sort: { department: '按被访部门', name: '按访客姓名' },
  table: '当前在场访客',
  columns: {
    department: '被访部门',
    host: '被访人',
    extension: '分机',
    visitor: '访客',
    organisation: '单位',
    arrivedAt: '到达时间',
    partySize: '人数',
  },
  actions: '操作',
  noHost: '（未指定）',
  empty: '当前没有访客在场。',
  loading: '正在读取…',
  print: '打印点名表',
  export: '导出 CSV',
  badge: '{{name}} 的访客证',
  printed: '点名表已发送打印',
  exported: '点名表已导出：{{file}}',
  printFailed: '打印失败：{{message}}',
  exportFailed: '导出失败：{{message}}',
  fileName: '紧急点名',
};

export type RollcallStrings = typeof zhCN;

export default zhCN;
