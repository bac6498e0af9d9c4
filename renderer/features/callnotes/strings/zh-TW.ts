// Strings of namespace "callnotes" in zh-TW (the feature's locales.ts puts the three languages together).
import type { CallNotesStrings } from './zh-CN';

const zhTW: CallNotesStrings = {
  title: '來電紀錄：{{who}}',
  unknownCaller: '未知號碼',
  fields: {
    callerName: '來電人姓名',
    company: '單位',
    phone: '電話號碼',
    reason: '來電事由',
    category: '類別',
    important: '重要來電（記錄時間、地點、人物、事件要點）',
    time: '時間',
    place: '地點',
    people: '人物',
    matter: '事件要點',
  },
  categories: {
    enquiry: '諮詢',
    forPerson: '找人',
    business: '業務聯繫',
    complaint: '投訴',
    delivery: '快遞/送貨',
    personal: '私人來電',
    sales: '推銷',
    other: '其他',
  },
  status: {
    loading: '正在開啟…',
    new: '新紀錄，輸入即自動儲存',
    pending: '正在儲存…',
    saved: '已儲存 {{time}}',
    error: '儲存失敗：{{message}}。已輸入的內容保留在本機，下次修改時會再次儲存。',
  },
  suggestions: { label: '以往來電：', use: '填入 {{label}}' },
  actions: { message: '轉為留言…', close: '關閉紀錄' },
  missing: {
    title: '今日未填寫紀錄的來電',
    empty: '今日已接來電都已填寫紀錄。',
    write: '為 {{time}} {{who}} 的來電填寫紀錄',
    writeShort: '填寫紀錄',
  },
  shortcuts: { group: '來電紀錄', open: '開啟目前通話的來電紀錄' },
};

export default zhTW;
