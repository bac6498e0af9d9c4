// Strings of namespace "badges" in zh-CN, the reference type and every language's fallback (the feature's locales.ts puts the three languages together).
const zhCN = {
  title: '访客证',
  dialogTitle: '访客证：{{name}}',
  preview: '访客证预览',
  size: '证卡尺寸 86 × 54 mm（标准证件卡套）',
  badge: { heading: '访客', host: '被访人', date: '日期', number: '编号', scanHint: '离开时请扫码签退' },
  printedTimes: '已打印 {{count}} 次',
  notPrinted: '尚未打印',
  print: '打印访客证',
  printAgain: '再次打印',
  reprintWarning: '此访客证已打印过 {{count}} 次。再次打印将记入审计日志，确定要再打印一张吗？',
  printed: '访客证已打印',
  reprinted: '访客证已补打（第 {{count}} 张）',
  printFailed: '打印失败：{{message}}',
  notFound: '找不到这次来访记录。',
  loading: '正在生成访客证…',
  unknownVisitor: '（未知访客）',
};

export type BadgesStrings = typeof zhCN;

export default zhCN;
