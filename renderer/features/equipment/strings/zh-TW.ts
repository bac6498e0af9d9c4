// Strings of namespace "equipment" in zh-TW (the feature's locales.ts puts the three languages together).
import type { EquipmentStrings } from './zh-CN';

const zhTW: EquipmentStrings = {
  title: '設備故障紀錄',
  openCount: '未修復 {{count}} 項',
  empty: '沒有故障紀錄。',
  saved: '已儲存 {{equipment}} 的故障紀錄',
  dismissed: '已忽略該故障候選',
  kinds: { line: '電話線路', switchboard: '總機設備', computer: '電腦', printer: '印表機', copier: '影印機', badgePrinter: '證卡印表機', scanner: '掃描槍', other: '其他' },
  status: { open: '待修', inRepair: '維修中', fixed: '已修復' },
  fields: {
    kind: '設備類別', equipment: '設備', line: '線路/編號', symptom: '故障現象', reportedAt: '發現時間', reportedTo: '報修對象',
    status: '狀態', repair: '維修情況', repairHelp: '如何修復（狀態為已修復時必填）', actions: '操作',
  },
  candidate: {
    label: '待確認',
    equipment: '交換機（PBX）',
    symptom: '交換機連續超過一分鐘無法連線',
    recorded: '交換機已超過一分鐘無法連線，已在設備故障紀錄中登記待確認',
    outage: '中斷 {{from}} – {{to}}',
    ongoing: '自 {{from}} 起中斷',
  },
  dialog: { new: '登記故障', edit: '更新故障紀錄' },
  actions: { report: '登記故障', edit: '更新', editFor: '更新 {{equipment}} 的故障紀錄', confirm: '確認故障', confirmFor: '確認 {{equipment}} 的故障候選', dismiss: '忽略', dismissFor: '忽略 {{equipment}} 的故障候選' },
  errors: { equipment: '請填寫設備', symptom: '請填寫故障現象', repair: '已修復時請填寫維修情況', invalid: '內容無效', saveFailed: '未能儲存：{{message}}。已存的資料未受影響。' },
};

export default zhTW;
