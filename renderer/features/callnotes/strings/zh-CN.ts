// Strings of namespace "callnotes" in zh-CN, the reference type and every language's fallback (the feature's locales.ts puts the three languages together).
const zhCN = {
  title: '来电记录：{{who}}',
  unknownCaller: '未知号码',
  fields: {
    callerName: '来电人姓名',
    company: '单位',
    phone: '电话号码',
    reason: '来电事由',
    category: '类别',
    important: '重要来电（记录时间、地点、人物、事件要点）',
    time: '时间',
    place: '地点',
    people: '人物',
    matter: '事件要点',
  },
  categories: {
    enquiry: '咨询',
    forPerson: '找人',
    business: '业务联系',
    complaint: '投诉',
    delivery: '快递/送货',
    personal: '私人来电',
    sales: '推销',
    other: '其他',
  },
  status: {
    loading: '正在打开…',
    new: '新记录，输入即自动保存',
    pending: '正在保存…',
    saved: '已保存 {{time}}',
    error: '保存失败：{{message}}。已输入的内容保留在本机，下次修改时会再次保存。',
  },
  suggestions: { label: '以往来电：', use: '填入 {{label}}' },
  actions: { message: '转为留言…', close: '关闭记录' },
  missing: {
    title: '今日未填写记录的来电',
    empty: '今日已接来电都已填写记录。',
    write: '为 {{time}} {{who}} 的来电填写记录',
    writeShort: '填写记录',
  },
  shortcuts: { group: '来电记录', open: '打开当前通话的来电记录' },
};
export type CallNotesStrings = typeof zhCN;

export default zhCN;
