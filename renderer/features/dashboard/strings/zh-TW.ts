// Strings of namespace "dashboard" in zh-TW (the feature's locales.ts puts the three languages together).
import type { DashboardStrings } from './zh-CN';

const zhTW: DashboardStrings = {
  title: '今日概覽',
  updated: '更新於 {{time}}',
  sections: { visitors: '訪客', complaints: '意見與投訴', calls: '總機', messages: '留言與設備', parcels: '郵件收發' },
  tiles: {
    parcelsToday: '今日收件', parcelsWaiting: '待領取', parcelsUrgent: '急件待領', parcelsOverdue: '逾期未領',
    visitorsToday: '今日訪客',
    onSite: '目前在場',
    overdue: '逾時未離',
    expected: '今日待到',
    complaints: '待處理意見/投訴',
    calls: '今日來電',
    answerMedian: '接聽用時中位數',
    answerP90: '接聽用時 P90',
    abandoned: '放棄來電',
    missed: '未接來電',
    withinTarget: '三聲內接聽',
    messages: '待跟進留言',
    faults: '未修復故障',
  },
  details: {
    people: '{{count}} 人',
    overdue: '超過預計離開時間',
    complaintsOverdue: '逾期 {{count}} 件',
    answered: '已接聽 {{count}} 通',
    answerTime: '已接聽來電的響鈴時長',
    abandoned: '響鈴中或保留中掛斷',
    missed: '無人接聽',
    withinTarget: '已接聽來電中 {{seconds}} 秒內接聽',
    messagesOverdue: '逾期 {{count}} 則',
    faultCandidates: '待確認 {{count}} 項',
  },
  seconds: '{{value}} 秒',
  noValue: '無',
  operators: { title: '各接線員今日接聽情況', help: '僅主管可見。按來電紀錄時登入的人員統計。', tableLabel: '各接線員今日接聽情況（表格）', operator: '接線員', calls: '來電數', answered: '已接聽', median: '接聽用時中位數', p90: '接聽用時 P90', within: '{{seconds}} 秒內接聽', missed: '未接', nobody: '（無人登入）', unknown: '已刪除的帳號 {{id}}', empty: '今日尚無來電。' },
  chart: { title: '來電與接聽用時', range: '期間', today: '今日各時段', week: '最近 7 天', calls: '來電數', p50: '接聽用時中位數（秒）', p90: '接聽用時 P90（秒）', when: '時間', tableLabel: '來電與接聽用時（表格）' },
  tileLabel: '{{label}}：{{value}}',
  tileLabelDetail: '{{label}}：{{value}}，{{detail}}',
  opens: '開啟{{screen}}',
  rollCall: '緊急點名',
  chartUnavailable: '圖表暫時無法載入（網路中斷？）；上面的數字不受影響。',
};

export default zhTW;
