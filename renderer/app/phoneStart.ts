// The phone is wired once, from its own chunk (sip.js is not part of the first screen). Whatever uses the
// phone — the overlay, the switchboard, settings and the visitor log — loads only after the wiring has
// installed the phone (phone/phoneService.ts refuses to be used before), so waits for this first.
// The phone reports its faults in the switchboard's strings, so they load with it (localeRegistry.ts).
import { loadFeatureStrings } from './localeRegistry';

type Connected = Promise<void>;

let installed: Promise<{ connected: Connected }> | undefined;

/** Loads and installs the phone (once); resolves when it is installed, with the connection attempt inside. */
export function wirePhone(): Promise<{ connected: Connected }> {
  installed ??= Promise.all([import('./phoneWiring'), loadFeatureStrings(['switchboard'])]).then(([{ startPhoneWiring }]) => ({ connected: startPhoneWiring() }));
  return installed;
}
