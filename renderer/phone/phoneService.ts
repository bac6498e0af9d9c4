// How features reach the console's one phone. Nothing is built here: the shell's composition
// (renderer/app/phoneWiring.ts) makes the Softphone and its configuration and installs them before
// the first render; features import the accessors below.
import { useSyncExternalStore } from 'react';
import type { PhoneSettings } from '@shared/phone/phoneSettings';
import type { PhoneConfiguration, SavePhoneResult } from './phoneConfiguration';
import type { LampsSnapshot, LampView } from './busyLamps';
import type { LineView, PhoneView } from './phoneTypes';
import type { HealthView } from './connectionHealth';
import type { Softphone } from './softphone';

export { PHONE_SETTINGS_KEY } from './phoneSettingsKey';
export type { SavePhoneResult } from './phoneConfiguration';
export type { LampState, LampView, LampsSnapshot } from './busyLamps';
export type { HealthView } from './connectionHealth';

export interface PhoneHandle {
  softphone: Softphone;
  configuration: PhoneConfiguration;
}

let installed: PhoneHandle | undefined;

/**
 * The installed softphone. An ES module export is a live binding, so every importer sees the instance
 * the shell installed; it is undefined only before installPhone(), i.e. before the first render.
 */
export let softphone: Softphone;

/** Called once by the shell's composition before anything renders. */
export function installPhone(handle: PhoneHandle): void {
  installed = handle;
  softphone = handle.softphone;
}

/** Whether the shell has installed the phone yet (it loads in its own chunk right after start). */
export function phoneInstalled(): boolean {
  return installed !== undefined;
}

export function phoneHandle(): PhoneHandle {
  if (!installed) throw new Error('the phone is not wired: renderer/app/phoneWiring.ts installs it before the first render');
  return installed;
}

export function usePhone(): PhoneView {
  const phone = phoneHandle().softphone;
  return useSyncExternalStore(phone.subscribe, phone.getSnapshot);
}

/** The inbound calls ringing, longest-ringing first; published before the rest of the phone's snapshot. */
export function useRingingCalls(): readonly LineView[] {
  const phone = phoneHandle().softphone;
  return useSyncExternalStore(phone.subscribeRinging, phone.getRinging);
}

export function currentPhoneSettings(): PhoneSettings | undefined {
  return phoneHandle().configuration.current();
}

export function loadPhoneSettings(): Promise<PhoneSettings | undefined> {
  return phoneHandle().configuration.load();
}

/** Saves the settings (and the password, when given: '' removes it, undefined keeps it) and reconnects. */
export function savePhoneSettings(input: unknown, password: string | undefined): Promise<SavePhoneResult> {
  return phoneHandle().configuration.save(input, password);
}

const NO_LAMPS: LampsSnapshot = { lamps: [], byExtension: new Map() };
const noSubscription = () => () => undefined;

/** Every watched extension's busy lamp (none before the phone is installed). */
export function useLamps(): LampsSnapshot {
  const lamps = installed?.softphone.lamps;
  return useSyncExternalStore(lamps?.subscribe ?? noSubscription, lamps?.getSnapshot ?? (() => NO_LAMPS));
}

/** One extension's lamp; undefined when it is not watched (no extension, beyond the bound, no phone). */
export function useLamp(extension: string | undefined): LampView | undefined {
  const lamps = installed?.softphone.lamps;
  return useSyncExternalStore(lamps?.subscribe ?? noSubscription, () => (extension && lamps ? lamps.lamp(extension) : undefined));
}

const NO_RECALLS: readonly string[] = [];

/** The ids of the held lines ringing back for recall (held longer than the recall time), longest waiting first. */
export function useRecalls(): readonly string[] {
  const recalls = installed?.softphone.recalls;
  return useSyncExternalStore(recalls?.subscribe ?? noSubscription, recalls?.getSnapshot ?? (() => NO_RECALLS));
}

const NO_HEALTH: HealthView = { pbx: { kind: 'unknown' }, audio: { kind: 'unknown' } };

/** The PBX round trip and the last call's audio quality (status bar). */
export function useConnectionHealth(): HealthView {
  const health = installed?.softphone.health;
  return useSyncExternalStore(health?.subscribe ?? noSubscription, health?.getSnapshot ?? (() => NO_HEALTH));
}
