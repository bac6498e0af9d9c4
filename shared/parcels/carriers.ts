// Carrier detection for the parcel intake (docs/REQUIREMENTS.md §2): a scanned or typed tracking number
// becomes a RANKED list of candidate carriers, never one silent guess.
// - International carriers (UPS, FedEx, USPS, DHL, Amazon, OnTrac, UPU S10) come from `ts-tracking-number`,
//   which checks each format's check digit (mod 10, mod 7, FedEx's weighted mod 11, S10's mod 11).
// - Chinese carriers have no maintained library: their formats are the data table below (prefix, length),
//   without check digits (none is published), so a purely numeric match is only ever "possible".
// - A number several rules fit is ambiguous: the desk picks with one key; what this site picked before for
//   numbers of the same shape (prefix and length) orders equally strong candidates.
// - A number no rule knows is accepted as an unknown carrier.
import { allCouriers, getTracking, type TrackingCourier } from 'ts-tracking-number';
import { parseS10, trackingKey } from './trackingKey';

export { parseS10, s10CheckDigit, trackingKey, trackingShape } from './trackingKey';

/** How sure a rule is: a verified check digit or a carrier's own letter prefix, or only digits and a length. */
export type CandidateStrength = 'checked' | 'prefixed' | 'numeric';

export interface CarrierRule {
  carrier: string;
  /** Matched against the normalised number (upper case, no spaces or dashes). */
  pattern: RegExp;
  strength: CandidateStrength;
  /** Lower comes first among candidates of the same strength (more specific prefixes first). */
  rank: number;
}

/**
 * Chinese carriers' number formats, as data. Carrier ids are stable (stored on the parcel); names are
 * translated in the parcels feature. Sources: the carriers' own waybill formats as printed on labels.
 */
export const CHINESE_CARRIER_RULES: readonly CarrierRule[] = [
  // SF Express 顺丰: "SF" and 13 digits on current waybills; old waybills are 12 bare digits.
  { carrier: 'sf', pattern: /^SF\d{13}$/, strength: 'prefixed', rank: 1 },
  { carrier: 'sf', pattern: /^\d{12}$/, strength: 'numeric', rank: 5 },
  // JD Logistics 京东: "JD", two letters or digits, 11 digits (JDVA…, JDX0…).
  { carrier: 'jd', pattern: /^JD[A-Z0-9]{2}\d{11}$/, strength: 'prefixed', rank: 1 },
  // J&T Express 极兔: "JT" and 13 digits.
  { carrier: 'jt', pattern: /^JT\d{13}$/, strength: 'prefixed', rank: 1 },
  // YTO 圆通: "YT" and 13 digits.
  { carrier: 'yto', pattern: /^YT\d{13}$/, strength: 'prefixed', rank: 1 },
  // Deppon 德邦: "DPK" and 12 digits.
  { carrier: 'deppon', pattern: /^DPK\d{12}$/, strength: 'prefixed', rank: 1 },
  // Cainiao 菜鸟: "LP" and 14 digits (logistics orders), or 621 and 12 digits.
  { carrier: 'cainiao', pattern: /^LP\d{14}$/, strength: 'prefixed', rank: 1 },
  { carrier: 'cainiao', pattern: /^621\d{12}$/, strength: 'numeric', rank: 1 },
  // ZTO 中通: 14 digits from 73–76 or 78.
  { carrier: 'zto', pattern: /^7[3-68]\d{12}$/, strength: 'numeric', rank: 2 },
  // STO 申通: 77 or 43 and 12–15 digits (14–17 in all).
  { carrier: 'sto', pattern: /^77\d{12,15}$/, strength: 'numeric', rank: 2 },
  { carrier: 'sto', pattern: /^43\d{12,15}$/, strength: 'numeric', rank: 3 },
  // Yunda 韵达: 15 digits from 3 or 4, or 13 digits from 5.
  { carrier: 'yunda', pattern: /^[34]\d{14}$/, strength: 'numeric', rank: 3 },
  { carrier: 'yunda', pattern: /^5\d{12}$/, strength: 'numeric', rank: 2 },
  // EMS domestic 邮政EMS: 13 digits from 1, 8 or 9.
  { carrier: 'ems', pattern: /^[189]\d{12}$/, strength: 'numeric', rank: 2 },
  // China Post registered mail and parcels 中国邮政挂号: a letter pair (X…, K…, P…) and 11 digits.
  { carrier: 'chinapost', pattern: /^[XKP][A-Z]\d{11}$/, strength: 'prefixed', rank: 2 },
  // Best Express 百世 (legacy waybills, still in circulation): 12 digits from 5, 6 or 7.
  { carrier: 'best', pattern: /^[5-7]\d{11}$/, strength: 'numeric', rank: 4 },
];

/** Every carrier id the desk may pick, in the order the choice list offers them. */
export const CARRIER_IDS = ['sf', 'jd', 'zto', 'yto', 'sto', 'yunda', 'jt', 'ems', 'chinapost', 'deppon', 'best', 'cainiao', 's10', 'ups', 'fedex', 'usps', 'dhl', 'amazon', 'ontrac', 'unknown'] as const;
export type CarrierId = (typeof CARRIER_IDS)[number];
export const UNKNOWN_CARRIER: CarrierId = 'unknown';

export interface CarrierCandidate {
  carrier: CarrierId;
  strength: CandidateStrength;
  /** The rule's own name (ts-tracking-number's service name, e.g. "FedEx Express (12)"), for the record. */
  service?: string;
  /** S10: the country of origin (the last two letters). */
  country?: string;
  /** How many times this site chose this carrier for numbers of the same shape. */
  history: number;
}

export interface CarrierDetection {
  /** The number as stored for lookups: upper case, no spaces, dashes or dots. */
  key: string;
  /** Best first. Empty: no rule knows the number (accepted as unknown carrier). */
  candidates: CarrierCandidate[];
  /** Several candidates and none stands out: the desk must pick (one key). */
  ambiguous: boolean;
  /** The number has a known checked form but its check digit is wrong (likely mistyped); still accepted. */
  checkDigitFailed?: 'S10';
}

// --- International carriers through ts-tracking-number -----------------------------------------------------
const LIBRARY_CARRIERS: Readonly<Record<string, CarrierId>> = { ups: 'ups', fedex: 'fedex', usps: 'usps', dhl: 'dhl', amazon: 'amazon', ontrac: 'ontrac', s10: 's10' };

/** The library's data with its JSON module wrappers unwrapped (a bundler may hand over { default }). */
const COURIERS: readonly TrackingCourier[] = allCouriers.map((c) => ((c as unknown as { default?: TrackingCourier }).default ?? c));

function hasChecksum(courier: TrackingCourier, serviceName: string): boolean {
  return courier.tracking_numbers.some((n) => n.name === serviceName && Boolean(n.validation.checksum));
}

function internationalCandidates(key: string): CarrierCandidate[] {
  const found: CarrierCandidate[] = [];
  for (const courier of COURIERS) {
    const carrier = LIBRARY_CARRIERS[courier.courier_code];
    if (!carrier) continue;
    let match;
    try {
      match = getTracking(key, [courier]);
    } catch {
      match = undefined;
    }
    if (!match) continue;
    const candidate: CarrierCandidate = { carrier, strength: hasChecksum(courier, match.name) ? 'checked' : 'prefixed', service: match.name, history: 0 };
    if (carrier === 's10') {
      const s10 = parseS10(key);
      // The library's S10 rule checks the mod 11 digit; ours must agree, or the candidate is not kept.
      if (!s10?.valid) continue;
      candidate.country = s10.country;
    }
    found.push(candidate);
  }
  return found;
}

const STRENGTH_ORDER: Readonly<Record<CandidateStrength, number>> = { checked: 0, prefixed: 0, numeric: 1 };

/**
 * The ranked candidates for a number. `history` maps carrier id → how often this site chose it for numbers
 * of the same shape (trackingShape); it orders candidates of equal strength and is shown, never obeyed alone.
 */
export function detectCarrier(raw: string, history: ReadonlyMap<string, number> = new Map()): CarrierDetection {
  const key = trackingKey(raw);
  if (!key) return { key, candidates: [], ambiguous: false };
  const ranked: { candidate: CarrierCandidate; rank: number; order: number }[] = [];
  const seen = new Set<string>();
  let order = 0;
  for (const candidate of internationalCandidates(key)) {
    seen.add(candidate.carrier);
    ranked.push({ candidate: { ...candidate, history: history.get(candidate.carrier) ?? 0 }, rank: 0, order: order++ });
  }
  for (const rule of CHINESE_CARRIER_RULES) {
    if (seen.has(rule.carrier) || !rule.pattern.test(key)) continue;
    seen.add(rule.carrier);
    ranked.push({ candidate: { carrier: rule.carrier as CarrierId, strength: rule.strength, history: history.get(rule.carrier) ?? 0 }, rank: rule.rank, order: order++ });
  }
  ranked.sort((a, b) =>
    STRENGTH_ORDER[a.candidate.strength] - STRENGTH_ORDER[b.candidate.strength] ||
    b.candidate.history - a.candidate.history ||
    a.rank - b.rank ||
    a.order - b.order);
  const candidates = ranked.map((r) => r.candidate);
  const strong = candidates.filter((c) => c.strength !== 'numeric');
  // One strong candidate (a verified check digit, or a carrier's own prefix) stands out; otherwise more
  // than one candidate is a choice for the desk.
  const ambiguous = strong.length === 1 ? false : candidates.length > 1;
  const detection: CarrierDetection = { key, candidates, ambiguous };
  const s10 = parseS10(key);
  if (s10 && !s10.valid) detection.checkDigitFailed = 'S10';
  return detection;
}

/** The carrier to store when the desk accepted without choosing: the single or standing-out candidate, else unknown. */
export function defaultCarrier(detection: CarrierDetection): CarrierId {
  return !detection.ambiguous && detection.candidates[0] ? detection.candidates[0].carrier : UNKNOWN_CARRIER;
}
