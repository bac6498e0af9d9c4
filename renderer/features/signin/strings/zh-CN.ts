// Strings of namespace "signin" in zh-CN, the reference type and every language's fallback (the feature's locales.ts puts the three languages together).
import type { SpecialAction } from '@shared/auth/permissions';

/**
 * The permission table's rows in the person's words (Settings → staff accounts): every special action of
 * shared/auth/permissions.ts has a label in each language (the type makes a new action without one a
 * compile error), and so does every table of the matrix.
 */
export type ActionLabels = Record<SpecialAction, string>;
export type TableLabels = Record<
  'visitors' | 'visits' | 'watchlistAlerts' | 'watchlist' | 'complaints' | 'parcels' | 'parcelEvents' | 'calls' | 'callNotes' | 'messages' | 'equipmentFaults' | 'departments' | 'staff' | 'handovers' | 'settings' | 'operators' | 'auditLog' | 'weeklyVolumes',
  string
>;

const actionsCN: ActionLabels = {
  export: '导出记录',
  restore: '从备份恢复',
  destroy: '销毁到期记录',
  revealId: '查看完整证件号码',
  revealPhone: '查看完整电话号码',
  editWatchlist: '编辑可疑人员名单',
  editStaff: '管理员工账号',
  resetPin: '重置他人的 PIN',
  viewAudit: '查看审计日志',
  changeSignInRule: '更改登录规则',
  closeUnacknowledged: '关闭未签收的留言',
  viewOperatorFigures: '查看各话务员的服务数据',
  configureSync: '设置多工作台同步、查看同步冲突',
};
const tablesCN: TableLabels = {
  visitors: '来访人', visits: '来访登记', watchlistAlerts: '警示记录', watchlist: '可疑人员名单', complaints: '意见投诉', parcels: '邮件包裹',
  parcelEvents: '邮件交接记录', calls: '通话记录', callNotes: '来电记录', messages: '留言', equipmentFaults: '设备故障', departments: '部门',
  staff: '通讯录', handovers: '交接班', settings: '设置', operators: '员工账号', auditLog: '审计日志', weeklyVolumes: '通话周册',
};

const zhCN = {
  firstRun: {
    title: '首次使用：设置主管账号',
    intro: '这台前台控制台还没有账号。请先设置一位主管，之后由主管为其他员工建立账号。',
    name: '主管姓名',
    secret: 'PIN 或密码',
    confirm: '再次输入 PIN 或密码',
    secretHelp: 'PIN 至少 6 位数字，或密码至少 8 个字符。只保存加盐的慢哈希，不保存原文。',
    submit: '设置并登录',
    mismatch: '两次输入不一致',
  },
  signIn: {
    title: '登录前台控制台',
    person: '员工',
    secret: 'PIN 或密码',
    submit: '登录',
    wrong: 'PIN 或密码不正确（还可尝试 {{count}} 次）',
    locked: '该账号已锁定，请于 {{time}} 后再试',
    unknown: '找不到这个账号',
    checking: '正在验证…',
  },
  lock: {
    title: '前台已锁定',
    hint: '输入锁定者或主管的 PIN 解锁。来电仍会响铃，可在此接听。',
    secret: 'PIN 或密码',
    asSupervisor: '由主管解锁',
    supervisorName: '主管姓名',
    unlock: '解锁',
    notPermitted: '只有锁定者本人或主管可以解锁',
    incoming: '来电 · 线路 {{n}}',
    inCall: '通话中 · 线路 {{n}}',
    held: '保持中 · 线路 {{n}}',
    answer: '接听',
    decline: '拒接',
    hangup: '挂断',
    hold: '保持',
    resume: '恢复',
    mute: '静音',
    unmute: '取消静音',
    calls: '电话',
  },
  session: {
    menu: '当前员工：{{name}}',
    switch: '切换员工',
    lock: '锁定前台',
    signOut: '交班并退出',
    switchTitle: '切换员工',
    switchHint: '当前通话和未填完的表单都会保留。',
    switched: '已切换为 {{name}}',
    cancel: '取消',
    forbiddenScreen: '你的角色不能使用这个画面。',
    forbidden: '你没有权限执行这个操作（{{permission}}）。',
  },
  shortcuts: { lock: '锁定前台', switch: '切换员工' },
  handover: {
    title: '交班记录',
    intro: '写下下一班需要知道的事。下面是系统自动汇总的待办事项。',
    note: '交班说明',
    nothingOpen: '没有待处理的事项。',
    submit: '保存交班记录并退出',
    showTitle: '上一班的交班记录',
    from: '交班人：{{name}}，{{time}}',
    acknowledge: '已阅，确认接班',
    items: {
      visitorsOnSite: '仍在场的访客（{{count}}）',
      openComplaints: '未处理的意见投诉（{{count}}）',
      openMessages: '未处理的留言（{{count}}）',
      urgentParcels: '未领取的急件（{{count}}）',
      equipmentFaults: '未修复的设备故障（{{count}}）',
      other: '{{kind}}（{{count}}）',
    },
  },
  roles: { receptionist: '接待员', operator: '话务员', concierge: '礼宾员', supervisor: '主管' },
  staff: {
    title: '登录与员工账号',
    people: '员工账号',
    name: '姓名',
    roles: '角色',
    rolesOf: '{{name}} 的角色',
    add: '添加员工',
    added: '已添加 {{name}}',
    secret: '初始 PIN 或密码',
    resetPin: '重置 PIN',
    resetFor: '为 {{name}} 设置新 PIN',
    resetDone: '{{name}} 的 PIN 已重置',
    save: '保存',
    idle: '无操作自动锁定（分钟）',
    idleSaved: '自动锁定时间已保存',
    signInRequired: '需要登录（单人前台可关闭，仅主管可改）',
    matrix: '权限表（只读）',
    table: '数据表',
    action: '特殊操作',
    actions: actionsCN,
    tables: tablesCN,
    access: { '-': '—', r: '查看', rw: '查看、登记、修改', rwd: '查看、登记、修改、删除' },
    yes: '可以',
    no: '—',
    errors: {
      pinTooShort: 'PIN 至少 6 位数字',
      passwordTooShort: '密码至少 8 个字符',
      empty: '请输入 PIN 或密码',
      tooLong: '太长了',
      nameTaken: '已有同名账号',
      rolesEmpty: '至少选择一个角色',
      required: '必填',
      outOfRange: '请输入 1 到 240 之间的整数',
      generic: '无法保存：{{message}}',
    },
  },
  reveal: {
    show: '显示完整号码',
    title: '显示完整号码',
    reason: '原因（将记入审计日志）',
    confirm: '显示',
    masked: '已遮蔽',
  },
};

export type SigninStrings = typeof zhCN;

export default zhCN;
