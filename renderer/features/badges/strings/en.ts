// Strings of namespace "badges" in en (the feature's locales.ts puts the three languages together).
import type { BadgesStrings } from './zh-CN';

const en: BadgesStrings = {
  title: 'Visitor badge',
  dialogTitle: 'Visitor badge: {{name}}',
  preview: 'Badge preview',
  size: 'Card size 86 × 54 mm (standard badge holder)',
  badge: { heading: 'VISITOR', host: 'Host', date: 'Date', number: 'No.', scanHint: 'Scan to check out' },
  printedTimes: 'Printed {{count}} times',
  notPrinted: 'Not printed yet',
  print: 'Print badge',
  printAgain: 'Print again',
  reprintWarning: 'This badge was already printed {{count}} times. A reprint is recorded in the audit log. Print another copy?',
  printed: 'Badge printed',
  reprinted: 'Badge reprinted (copy {{count}})',
  printFailed: 'Printing failed: {{message}}',
  notFound: 'This visit cannot be found.',
  loading: 'Preparing the badge…',
  unknownVisitor: '(unknown visitor)',
};

export default en;
