// Strings of namespace "dashboard" in zh-CN, the reference type and every language's fallback (the feature's locales.ts puts the three languages together).
const zhCN = {
  title: '今日概览',
  updated: '更新于 {{time}}',
  sections: { visitors: '访客', complaints: '意见与投诉', calls: '总机', messages: '留言与设备', parcels: '邮件收发' },
  tiles: {
    parcelsToday: '今日收件', parcelsWaiting: '待领取', parcelsUrgent: '急件待领', parcelsOverdue: '超期未领',
    visitorsToday: '今日访客',
    onSite: '当前在场',
    overdue: '逾时未离',
    expected: '今日待到',
    complaints: '待处理意见/投诉',
    calls: '今日来电',
    answerMedian: '接听用时中位数',
    answerP90: '接听用时 P90',
    abandoned: '放弃来电',
    missed: '未接来电',
    withinTarget: '三声内接听',
    messages: '待跟进留言',
    faults: '未修复故障',
  },
  details: {
    people: '{{count}} 人',
    overdue: '超过预计离开时间',
    complaintsOverdue: '逾期 {{count}} 件',
    answered: '已接听 {{count}} 个',
    answerTime: '已接听来电的振铃时长',
    abandoned: '振铃中或保持中挂断',
    missed: '无人接听',
    withinTarget: '已接听来电中 {{seconds}} 秒内接听',
    messagesOverdue: '逾期 {{count}} 条',
    faultCandidates: '待确认 {{count}} 项',
  },
  seconds: '{{value}} 秒',
  noValue: '无',
  operators: { title: '各接线员今日接听情况', help: '仅主管可见。按来电记录时登录的人员统计。', tableLabel: '各接线员今日接听情况（表格）', operator: '接线员', calls: '来电数', answered: '已接听', median: '接听用时中位数', p90: '接听用时 P90', within: '{{seconds}} 秒内接听', missed: '未接', nobody: '（无人登录）', unknown: '已删除的账号 {{id}}', empty: '今日尚无来电。' },
  chart: { title: '来电与接听用时', range: '时段', today: '今日各时段', week: '最近 7 天', calls: '来电数', p50: '接听用时中位数（秒）', p90: '接听用时 P90（秒）', when: '时间', tableLabel: '来电与接听用时（表格）' },
  tileLabel: '{{label}}：{{value}}',
  tileLabelDetail: '{{label}}：{{value}}，{{detail}}',
  opens: '打开{{screen}}',
  rollCall: '紧急点名',
  chartUnavailable: '图表暂时无法加载（网络断开？）；上面的数字不受影响。',
};

export type DashboardStrings = typeof zhCN;

export default zhCN;
