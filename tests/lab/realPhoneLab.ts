/**
 * The SIP lab with real phones: rtpengine (userspace media relay) + Kamailio with its rtpengine module
 * (./kamailio-rtpengine.cfg) + any number of baresip phones, each process started and stopped by PID.
 *
 *   const lab = await startRealPhoneLab();
 *   const phone = await lab.phone({ user: '2001', audioFile });   // registered at lab.pbx
 *   await lab.stopPhones();                                       // baresip first: it un-REGISTERs on SIGTERM
 *   await lab.stop();                                             // then Kamailio, then rtpengine
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BaresipPhone, type BaresipOptions } from './baresipPhone';
import { startKamailio, type KamailioHandle, type KamailioOptions } from './kamailioProcess';
import { startRtpengine, type RtpengineHandle } from './rtpengineProcess';

export const REAL_PHONES_KAMAILIO_CFG = join(dirname(fileURLToPath(import.meta.url)), 'kamailio-rtpengine.cfg');

export interface RealPhoneLab {
  readonly relay: RtpengineHandle;
  readonly pbx: KamailioHandle;
  /** host:port phones register at and call (the UDP listener) */
  readonly registrar: string;
  /** the SIP URI of an extension at the lab PBX, for baresip's dial */
  uriOf(user: string): string;
  phone(options: Omit<BaresipOptions, 'registrar'>): Promise<BaresipPhone>;
  stopPhones(): Promise<void>;
  stop(): Promise<void>;
}

export async function startRealPhoneLab(options: { kamailio?: KamailioOptions; echoLogs?: boolean } = {}): Promise<RealPhoneLab> {
  const relay = await startRtpengine({ echoLogs: options.echoLogs });
  let pbx: KamailioHandle;
  try {
    pbx = await startKamailio({
      configTemplate: REAL_PHONES_KAMAILIO_CFG,
      echoLogs: options.echoLogs,
      ...options.kamailio,
      vars: { RTPENGINE_SOCK: relay.ngSocket, ...options.kamailio?.vars },
    });
  } catch (err) {
    await relay.stop();
    throw err;
  }
  const registrar = `127.0.0.1:${pbx.udpPort}`;
  const phones: BaresipPhone[] = [];
  const stopPhones = async () => {
    await Promise.all(phones.splice(0).map((p) => p.stop()));
  };
  return {
    relay,
    pbx,
    registrar,
    uriOf: (user) => `sip:${user}@${registrar}`,
    async phone(o) {
      const p = await BaresipPhone.start({ echoLogs: options.echoLogs, ...o, registrar });
      phones.push(p);
      return p;
    },
    stopPhones,
    async stop() {
      await stopPhones();
      await pbx.stop();
      await relay.stop();
    },
  };
}
