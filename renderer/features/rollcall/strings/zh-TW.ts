// Strings of namespace "rollcall" in zh-TW (the feature's locales.ts puts the three languages together).
import type { RollcallStrings } from './zh-CN';

const zhTW: RollcallStrings = {
  title: '緊急點名：目前在場人員',
  shortcut: '緊急點名（任何畫面）',
  summary: '在場 {{people}} 人（{{visits}} 批訪客）',
  generatedAt: '產生時間：{{time}}',
  offline: '只讀取本機資料，斷網時也可使用。',
  sortBy: '排序',
  sort: { department: '依受訪部門', name: '依訪客姓名' },
  table: '目前在場訪客',
  columns: {
    department: '受訪部門',
    host: '受訪人',
    extension: '分機',
    visitor: '訪客',
    organisation: '單位',
    arrivedAt: '到達時間',
    partySize: '人數',
  },
  actions: '操作',
  noHost: '（未指定）',
  empty: '目前沒有訪客在場。',
  loading: '正在讀取…',
  print: '列印點名表',
  export: '匯出 CSV',
  badge: '{{name}} 的訪客證',
  printed: '點名表已送出列印',
  exported: '點名表已匯出：{{file}}',
  printFailed: '列印失敗：{{message}}',
  exportFailed: '匯出失敗：{{message}}',
  fileName: '緊急點名',
};

export default zhTW;
