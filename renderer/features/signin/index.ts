// Sign-in, the desk lock, switching person, the shift handover, staff accounts and the audit log view.
// The lock screen's call controls are the lazy second entry, ./lockCalls.ts.
export { SessionGate } from './SessionGate';
export { SessionMenu } from './SessionMenu';
export { useSession, useRoles, useCan, useScreenAllowed, useMasking, useSessionService } from './useSession';
export { StaffAccountsPanel } from './StaffAccountsPanel';
export { RevealButton, MaskedValue } from './RevealButton';
export { signinLocales } from './locales';
