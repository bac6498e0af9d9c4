// Strings of namespace "rollcall" in en (the feature's locales.ts puts the three languages together).
import type { RollcallStrings } from './zh-CN';

const en: RollcallStrings = {
  title: 'Emergency roll call: on site now',
  shortcut: 'Emergency roll call (from any screen)',
  summary: '{{people}} people on site ({{visits}} visits)',
  generatedAt: 'Generated {{time}}',
  offline: 'Reads this desk\'s own data only: works with no network.',
  sortBy: 'Sort by',
  sort: { department: 'Host department', name: 'Visitor name' },
  table: 'Visitors on site now',
  columns: {
    department: 'Department',
    host: 'Host',
    extension: 'Extension',
    visitor: 'Visitor',
    organisation: 'Organisation',
    arrivedAt: 'Arrived',
    partySize: 'Party size',
  },
  actions: 'Actions',
  noHost: '(none)',
  empty: 'Nobody is on site now.',
  loading: 'Reading…',
  print: 'Print roll call',
  export: 'Export CSV',
  badge: 'Badge of {{name}}',
  printed: 'Roll call sent to the printer',
  exported: 'Roll call exported: {{file}}',
  printFailed: 'Printing failed: {{message}}',
  exportFailed: 'Export failed: {{message}}',
  fileName: 'roll-call',
};

export default en;
