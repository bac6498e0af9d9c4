// Sign-in, the desk lock, switching person, the shift handover, staff accounts and the audit log view.
// The lock screen's call controls are the lazy second entry, ./lockCalls.ts; the staff-accounts panel and
// the reveal controls, which only other screens show, load with them (./lazyParts.ts).
export { SessionGate } from './SessionGate';
export { SessionMenu } from './SessionMenu';
export { useSession, useRoles, useCan, useScreenAllowed, useMasking, useSessionService } from './useSession';
export { StaffAccountsPanel, RevealButton, MaskedValue } from './lazyParts';
export { signinLocales } from './locales';
