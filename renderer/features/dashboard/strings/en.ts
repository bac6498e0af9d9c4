// Strings of namespace "dashboard" in en (the feature's locales.ts puts the three languages together).
import type { DashboardStrings } from './zh-CN';

const en: DashboardStrings = {
  title: 'Today at a glance',
  updated: 'Updated {{time}}',
  sections: { visitors: 'Visitors', complaints: 'Suggestions and complaints', calls: 'Switchboard', messages: 'Messages and equipment', parcels: 'Mail and parcels' },
  tiles: {
    parcelsToday: 'Received today', parcelsWaiting: 'Waiting', parcelsUrgent: 'Urgent waiting', parcelsOverdue: 'Overdue',
    visitorsToday: 'Visitors today',
    onSite: 'On site now',
    overdue: 'Overdue on site',
    expected: 'Still expected today',
    complaints: 'Open complaints',
    calls: 'Calls today',
    answerMedian: 'Answer time (median)',
    answerP90: 'Answer time (90th percentile)',
    abandoned: 'Abandoned calls',
    missed: 'Missed calls',
    withinTarget: 'Answered within three rings',
    messages: 'Messages to follow up',
    faults: 'Open equipment faults',
  },
  details: {
    people: 'people: {{count}}',
    overdue: 'past their expected departure',
    complaintsOverdue: '{{count}} overdue',
    answered: '{{count}} answered',
    answerTime: 'ring time of answered calls',
    abandoned: 'caller hung up while ringing or on hold',
    missed: 'nobody answered',
    withinTarget: 'of answered calls, within {{seconds}} s',
    messagesOverdue: '{{count}} overdue',
    faultCandidates: '{{count}} to confirm',
  },
  seconds: '{{value}} s',
  noValue: 'none',
  operators: { title: 'Today by operator', help: 'Supervisors only. Each call counts for the person signed in when it was recorded.', tableLabel: 'Today by operator (table)', operator: 'Operator', calls: 'Calls', answered: 'Answered', median: 'Median answer time', p90: 'Answer time P90', within: 'Within {{seconds}} s', missed: 'Missed', nobody: '(nobody signed in)', unknown: 'Removed account {{id}}', empty: 'No calls yet today.' },
  chart: { title: 'Calls and answer times', range: 'Period', today: 'Today by hour', week: 'Last 7 days', calls: 'Calls', p50: 'Answer time p50 (s)', p90: 'Answer time p90 (s)', when: 'When', tableLabel: 'Calls and answer times, as a table' },
  tileLabel: '{{label}}: {{value}}',
  tileLabelDetail: '{{label}}: {{value}}, {{detail}}',
  opens: 'Open {{screen}}',
  rollCall: 'Emergency roll call',
  chartUnavailable: 'The chart could not be loaded (network down?); the figures above are not affected.',
};

export default en;
