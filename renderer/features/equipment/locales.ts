// Strings of the equipment log (namespace "equipment"). zh-CN is the reference type.
const zhCN = {
  title: '设备故障记录',
  openCount: '未修复 {{count}} 项',
  empty: '没有故障记录。',
  saved: '已保存 {{equipment}} 的故障记录',
  dismissed: '已忽略该故障候选',
  kinds: { line: '电话线路', switchboard: '总机设备', computer: '电脑', printer: '打印机', copier: '复印机', badgePrinter: '证卡打印机', scanner: '扫描枪', other: '其他' },
  status: { open: '待修', inRepair: '维修中', fixed: '已修复' },
  fields: {
    kind: '设备类别', equipment: '设备', line: '线路/编号', symptom: '故障现象', reportedAt: '发现时间', reportedTo: '报修对象',
    status: '状态', repair: '维修情况', repairHelp: '如何修复（状态为已修复时必填）', actions: '操作',
  },
  candidate: {
    label: '待确认',
    equipment: '交换机（PBX）',
    symptom: '交换机连续超过一分钟无法连接',
    recorded: '交换机已超过一分钟无法连接，已在设备故障记录中登记待确认',
    outage: '中断 {{from}} – {{to}}',
    ongoing: '自 {{from}} 起中断',
  },
  dialog: { new: '登记故障', edit: '更新故障记录' },
  actions: { report: '登记故障', edit: '更新', editFor: '更新 {{equipment}} 的故障记录', confirm: '确认故障', confirmFor: '确认 {{equipment}} 的故障候选', dismiss: '忽略', dismissFor: '忽略 {{equipment}} 的故障候选' },
  errors: { equipment: '请填写设备', symptom: '请填写故障现象', repair: '已修复时请填写维修情况', invalid: '内容无效', saveFailed: '未能保存：{{message}}。已存的数据未受影响。' },
};
export type EquipmentStrings = typeof zhCN;

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

const en: EquipmentStrings = {
  title: 'Equipment log',
  openCount: '{{count}} not repaired',
  empty: 'No faults recorded.',
  saved: 'Fault of {{equipment}} saved',
  dismissed: 'Fault candidate dismissed',
  kinds: { line: 'Phone line', switchboard: 'Switchboard equipment', computer: 'Computer', printer: 'Printer', copier: 'Copier', badgePrinter: 'Badge printer', scanner: 'Scanner', other: 'Other' },
  status: { open: 'Open', inRepair: 'In repair', fixed: 'Repaired' },
  fields: {
    kind: 'Kind of equipment', equipment: 'Equipment', line: 'Line or number', symptom: 'What is wrong', reportedAt: 'Noticed', reportedTo: 'Reported to',
    status: 'Status', repair: 'Repair', repairHelp: 'How it was repaired (required once repaired)', actions: 'Actions',
  },
  candidate: {
    label: 'To confirm',
    equipment: 'PBX',
    symptom: 'PBX unreachable for over a minute',
    recorded: 'The PBX has been unreachable for over a minute: a fault candidate is in the equipment log to confirm',
    outage: 'outage {{from}} – {{to}}',
    ongoing: 'unreachable since {{from}}',
  },
  dialog: { new: 'Report a fault', edit: 'Update fault' },
  actions: { report: 'Report a fault', edit: 'Update', editFor: 'Update the fault of {{equipment}}', confirm: 'Confirm fault', confirmFor: 'Confirm the fault candidate of {{equipment}}', dismiss: 'Dismiss', dismissFor: 'Dismiss the fault candidate of {{equipment}}' },
  errors: { equipment: 'Name the equipment', symptom: 'Say what is wrong', repair: 'Say how it was repaired', invalid: 'Not valid', saveFailed: 'Could not save: {{message}}. Stored data is not affected.' },
};

export const equipmentLocales = { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
