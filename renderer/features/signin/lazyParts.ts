// Parts of sign-in that only other screens show (Settings' staff accounts, the reveal controls of the
// visitor and message screens), each its own chunk: the first screen needs none of them (docs/ARCHITECTURE.md,
// "Loading").
import { lazyPart } from '../../ui/loading/lazyPart';

export const StaffAccountsPanel = lazyPart(() => import('./StaffAccountsPanel').then((m) => m.StaffAccountsPanel));
export const RevealButton = lazyPart(() => import('./RevealButton').then((m) => m.RevealButton));
export const MaskedValue = lazyPart(() => import('./RevealButton').then((m) => m.MaskedValue));
