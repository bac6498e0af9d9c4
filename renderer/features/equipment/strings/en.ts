// Strings of namespace "equipment" in en (the feature's locales.ts puts the three languages together).
import type { EquipmentStrings } from './zh-CN';

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

export default en;
