// The one sip.js UserAgent registered to the PBX over WebSocket: built from the desk's phone settings,
// started and kept registered by the RegistrationWatchdog, stopped on disconnect.
import { SIPExtension, UserAgent, type Invitation, type UserAgentOptions } from 'sip.js';
import { sipDomainOf, type PhoneSettings } from '@shared/phone/phoneSettings';
import type { PhoneLine } from './phoneLine';
import type { RegistrationView } from './phoneViewStore';
import { RegistrationWatchdog } from './registrationWatchdog';

export interface UserAgentEvents {
  onInvite(invitation: Invitation): void;
  onRegistration(view: RegistrationView): void;
  lines(): PhoneLine[];
}

export class UserAgentLifecycle {
  private ua: UserAgent | undefined;
  private current: PhoneSettings | undefined;
  private registrationState: RegistrationView = { registration: 'unconfigured' };
  private readonly watchdog: RegistrationWatchdog;

  constructor(private readonly events: UserAgentEvents) {
    this.watchdog = new RegistrationWatchdog({
      onState: (registration, registrationReason, retryAt) => this.setRegistration({ registration, registrationReason, retryAt }),
      onRecovered: () => {
        // Media flows peer to peer, so most calls survive a PBX restart untouched; only a line whose
        // ICE actually failed gets the re-INVITE with an ICE restart.
        for (const line of events.lines()) {
          const ice = line.iceState();
          if (ice === 'failed' || ice === 'disconnected') void line.recoverMedia();
        }
      },
      lines: () => events.lines(),
    });
  }

  get userAgent(): UserAgent | undefined {
    return this.ua;
  }

  get settings(): PhoneSettings | undefined {
    return this.current;
  }

  get registered(): boolean {
    return this.ua !== undefined && this.registrationState.registration === 'registered';
  }

  sipDomain(): string | undefined {
    return this.current ? sipDomainOf(this.current) : undefined;
  }

  async connect(settings: PhoneSettings, password: string | undefined): Promise<void> {
    this.current = settings;
    const domain = sipDomainOf(settings);
    const uri = UserAgent.makeURI(`sip:${settings.extension}@${domain}`);
    if (!uri) throw new Error(`invalid SIP address for extension ${settings.extension}`);
    const options: UserAgentOptions = {
      uri,
      displayName: settings.displayName,
      authorizationUsername: settings.authUser || settings.extension,
      authorizationPassword: password,
      transportOptions: { server: settings.server, connectionTimeout: 5, keepAliveInterval: 15 },
      // Replaces (RFC 3891) must be supported or an attended transfer to us arrives as a second call.
      sipExtensionReplaces: SIPExtension.Supported,
      // The watchdog owns reconnection, with back-off and a visible state.
      reconnectionAttempts: 0,
      logLevel: 'error',
      logBuiltinEnabled: false,
      sessionDescriptionHandlerFactoryOptions: {
        // No public STUN server by default: the desk is on the PBX's network.
        peerConnectionConfiguration: { iceServers: settings.iceServers.map((s) => ({ ...s })) },
        iceGatheringTimeout: 500,
      },
      delegate: {
        onInvite: (invitation) => this.events.onInvite(invitation),
        onConnect: () => this.watchdog.transportUp(),
        onDisconnect: (error) => this.watchdog.transportDown(error?.message),
      },
    };
    this.ua = new UserAgent(options);
    await this.watchdog.start(this.ua);
  }

  /** Stops registering, lets `endCalls` hang up while the transport is still there, then stops the agent. */
  async disconnect(endCalls: () => Promise<void>): Promise<void> {
    const ua = this.ua;
    this.ua = undefined;
    await this.watchdog.stop();
    await endCalls();
    if (ua) await ua.stop().catch(() => undefined);
    this.setRegistration({ registration: 'unconfigured' });
  }

  /** Test and lab hook: drop the WebSocket as if the network failed. */
  dropTransport(): void {
    void this.ua?.transport.disconnect();
  }

  private setRegistration(view: RegistrationView): void {
    this.registrationState = view;
    this.events.onRegistration(view);
  }
}
