// The supervisor's audit log view.
export { AuditScreen } from './AuditScreen';
