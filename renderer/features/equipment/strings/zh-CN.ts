// Strings of namespace "equipment" in zh-CN, the reference type and every language's fallback (the feature's locales.ts puts the three languages together).
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

export default zhCN;
