// Strings of namespace "badges" in zh-TW (the feature's locales.ts puts the three languages together).
import type { BadgesStrings } from './zh-CN';

const zhTW: BadgesStrings = {
  title: '訪客證',
  dialogTitle: '訪客證：{{name}}',
  preview: '訪客證預覽',
  size: '證卡尺寸 86 × 54 mm（標準證件卡套）',
  badge: { heading: '訪客', host: '受訪人', date: '日期', number: '編號', scanHint: '離開時請掃碼簽退' },
  printedTimes: '已列印 {{count}} 次',
  notPrinted: '尚未列印',
  print: '列印訪客證',
  printAgain: '再次列印',
  reprintWarning: '此訪客證已列印過 {{count}} 次。再次列印將記入稽核日誌，確定要再列印一張嗎？',
  printed: '訪客證已列印',
  reprinted: '訪客證已補印（第 {{count}} 張）',
  printFailed: '列印失敗：{{message}}',
  notFound: '找不到這次來訪紀錄。',
  loading: '正在產生訪客證…',
  unknownVisitor: '（未知訪客）',
};

export default zhTW;
