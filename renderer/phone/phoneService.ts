// The console's one softphone, its settings and the hooks screens use. Settings live in the settings
// table (per desk); the SIP password only ever goes through the bridge's secrets.
import { useSyncExternalStore } from 'react';
import { phoneSettingsSchema, type PhoneSettings } from '@shared/phone/phoneSettings';
import { getRepositories } from '../db';
import { getBridge } from '../platform';
import { publishPhoneStatus } from '../ui/status/phoneStatusStore';
import { notifications } from '../ui/notifications/notificationStore';
import { translate } from '../i18n';
import { Softphone } from './softphone';
import { CallRecordWriter } from './callRecordWriter';
import { Ringer } from './ringer';
import type { PhoneView } from './phoneTypes';

export const PHONE_SETTINGS_KEY = 'phone';
const PASSWORD_KEY = 'sip.password';

let currentSettings: PhoneSettings | undefined;
export const callRecordWriter = new CallRecordWriter({
  ownExtension: () => currentSettings?.extension,
  onError: (error) => notifications.notify('error', translate('switchboard:errors.recordFailed', { message: error instanceof Error ? error.message : String(error) })),
});
export const softphone = new Softphone(callRecordWriter);
const ringer = new Ringer();

softphone.subscribe(() => {
  const view = softphone.getSnapshot();
  publishPhoneStatus({ state: view.registration, reason: view.registrationReason });
  const ringing = view.lines.some((l) => l.state === 'ringing');
  if (ringing) ringer.start(currentSettings?.ringDeviceId);
  else if (ringer.ringing) ringer.stop();
});

export function usePhone(): PhoneView {
  return useSyncExternalStore(softphone.subscribe, softphone.getSnapshot);
}

export function currentPhoneSettings(): PhoneSettings | undefined {
  return currentSettings;
}

export async function loadPhoneSettings(): Promise<PhoneSettings | undefined> {
  const stored = await getRepositories().settings.getValue<unknown>(PHONE_SETTINGS_KEY);
  if (stored === undefined) return undefined;
  const parsed = phoneSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : undefined;
}

export type SavePhoneResult = { ok: true } | { ok: false; reason: 'secrets-unavailable' | 'invalid'; message?: string };

/**
 * Saves the settings (and the password, when one is given) and reconnects. An empty password string
 * removes the stored one; `undefined` keeps it.
 */
export async function savePhoneSettings(input: unknown, password: string | undefined): Promise<SavePhoneResult> {
  const parsed = phoneSettingsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid', message: parsed.error.issues[0]?.message };
  const bridge = getBridge();
  if (password !== undefined) {
    const result = password === '' ? await bridge.secrets.delete({ key: PASSWORD_KEY }) : await bridge.secrets.set({ key: PASSWORD_KEY, value: password });
    if (!result.ok) return { ok: false, reason: 'secrets-unavailable', message: result.error.message };
  }
  // Electron's CSP only lets the page open WebSockets to the configured PBX; a new PBX address takes
  // effect with the next page load, so the console reloads once (the phone starts from the stored settings).
  const previous = currentSettings?.server;
  const servers = await bridge.app.setSipServers({ urls: [parsed.data.server] });
  await getRepositories().settings.setValue(PHONE_SETTINGS_KEY, parsed.data);
  if (servers.ok && servers.value.reloadRequired && previous !== parsed.data.server) {
    await softphone.disconnect();
    window.location.reload();
    return { ok: true };
  }
  await startPhone(parsed.data);
  return { ok: true };
}

/** Connects with the stored settings; leaves the phone 'unconfigured' when there are none. */
export async function startPhone(settings?: PhoneSettings): Promise<void> {
  const resolved = settings ?? (await loadPhoneSettings());
  currentSettings = resolved;
  if (!resolved) {
    await softphone.disconnect();
    return;
  }
  const secret = await getBridge().secrets.get({ key: PASSWORD_KEY });
  const password = secret.ok ? (secret.value.value ?? undefined) : undefined;
  await softphone.connect(resolved, password);
}
