// The desk's phone settings and how the softphone follows them. Settings live in the settings table
// (per desk); the SIP password only ever goes through the bridge's secrets.
import { phoneSettingsSchema, type PhoneSettings } from '@shared/phone/phoneSettings';
import { getRepositories } from '../db';
import { getBridge } from '../platform';
import { PHONE_SETTINGS_KEY } from './phoneSettingsKey';
import type { Softphone } from './softphone';

export { PHONE_SETTINGS_KEY };

const PASSWORD_KEY = 'sip.password';

export type SavePhoneResult = { ok: true } | { ok: false; reason: 'secrets-unavailable' | 'invalid'; message?: string };

export class PhoneConfiguration {
  private settings: PhoneSettings | undefined;

  constructor(
    private readonly softphone: Softphone,
    private readonly reloadPage: () => void = () => window.location.reload(),
  ) {}

  current(): PhoneSettings | undefined {
    return this.settings;
  }

  async load(): Promise<PhoneSettings | undefined> {
    const stored = await getRepositories().settings.getValue<unknown>(PHONE_SETTINGS_KEY);
    if (stored === undefined) return undefined;
    const parsed = phoneSettingsSchema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  }

  /**
   * Saves the settings (and the password, when one is given) and reconnects. An empty password string
   * removes the stored one; `undefined` keeps it.
   */
  async save(input: unknown, password: string | undefined): Promise<SavePhoneResult> {
    const parsed = phoneSettingsSchema.safeParse(input);
    if (!parsed.success) return { ok: false, reason: 'invalid', message: parsed.error.issues[0]?.message };
    const bridge = getBridge();
    if (password !== undefined) {
      const result = password === '' ? await bridge.secrets.delete({ key: PASSWORD_KEY }) : await bridge.secrets.set({ key: PASSWORD_KEY, value: password });
      if (!result.ok) return { ok: false, reason: 'secrets-unavailable', message: result.error.message };
    }
    // Electron's CSP only lets the page open WebSockets to the configured PBX; a new PBX address takes
    // effect with the next page load, so the console reloads once (the phone starts from the stored settings).
    const previous = this.settings?.server;
    const servers = await bridge.app.setSipServers({ urls: [parsed.data.server] });
    await getRepositories().settings.setValue(PHONE_SETTINGS_KEY, parsed.data);
    if (servers.ok && servers.value.reloadRequired && previous !== parsed.data.server) {
      await this.softphone.disconnect();
      this.reloadPage();
      return { ok: true };
    }
    await this.start(parsed.data);
    return { ok: true };
  }

  /** Connects with the given or the stored settings; leaves the phone 'unconfigured' when there are none. */
  async start(settings?: PhoneSettings): Promise<void> {
    const resolved = settings ?? (await this.load());
    this.settings = resolved;
    if (!resolved) {
      await this.softphone.disconnect();
      return;
    }
    const secret = await getBridge().secrets.get({ key: PASSWORD_KEY });
    const password = secret.ok ? (secret.value.value ?? undefined) : undefined;
    await this.softphone.connect(resolved, password);
  }
}
