/** The SIP lab's Node-side helpers in one import (also bundled for run-lab.mjs / measure.mjs). */
export { buildAgentPage } from './agent/build';
export type * from './agent/types';
export { DEFAULT_ORIGIN_REGEX, freeTcpPort, freeUdpPort, probeWebSocket, startKamailio } from './kamailioProcess';
export type { KamailioHandle, KamailioOptions } from './kamailioProcess';
export { LabAgent } from './labAgentDriver';
export { startStaticServer } from './staticServer';
export type { StaticServer } from './staticServer';

/** Chromium flags the SIP lab needs (kept in sync with playwright.config.ts). */
export { LAB_CHROMIUM_ARGS } from './playwright.config';
export { BaresipPhone } from './baresipPhone';
export type { BaresipEvent, BaresipOptions } from './baresipPhone';
export { startRtpengine } from './rtpengineProcess';
export type { RtpengineHandle } from './rtpengineProcess';
export { REAL_PHONES_KAMAILIO_CFG, startRealPhoneLab } from './realPhoneLab';
export type { RealPhoneLab } from './realPhoneLab';
export { dominantFrequency, readWav, rms, writeToneWav } from './toneWav';
