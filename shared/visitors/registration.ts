// What the desk enters to register (or pre-register) a visit, checked field by field. Errors are codes
// the screen translates; a resident ID the desk has checked against the card in hand may be saved
// despite a checksum/region/date flag (OVERRIDABLE_ID_ERRORS), and the repository audits that override.
import { ID_DOCUMENT_TYPES } from '../domain/plain/visitors';
import { ULID_PATTERN } from '../domain/plain/record';
import { normaliseText } from '../search/textNormalise';
import { cleanName, cleanText } from '../text/cleanText';
import { checkPhone } from './contactChecks';
import { checkIdNumber, normaliseIdNumber, OVERRIDABLE_ID_ERRORS, type IdDocumentType, type IdNumberError } from './idNumber';
import { isPlausiblePlate, normalisePlate } from './contactChecks';

export const REGISTRATION_FIELDS = ['name', 'company', 'phone', 'idType', 'idNumber', 'hostStaffId', 'purpose', 'partySize', 'vehiclePlate', 'expectedDurationMin', 'expectedAt', 'notes'] as const;
export type RegistrationField = (typeof REGISTRATION_FIELDS)[number];

/** As typed: strings (numbers may come as strings from a text field or a CSV cell). */
export interface RegistrationInput {
  name: string;
  company?: string | undefined;
  phone?: string | undefined;
  idType?: string | undefined;
  idNumber?: string | undefined;
  hostStaffId?: string | undefined;
  purpose?: string | undefined;
  partySize?: string | number | undefined;
  vehiclePlate?: string | undefined;
  expectedDurationMin?: string | number | undefined;
  /** Pre-registration only: when the visitor is expected (epoch ms). */
  expectedAt?: number | undefined;
  notes?: string | undefined;
}

/** Checked and normalised fields. */
export interface RegistrationFields {
  name: string;
  company?: string | undefined;
  phone?: string | undefined;
  idType?: IdDocumentType | undefined;
  idNumber?: string | undefined;
  hostStaffId?: string | undefined;
  purpose?: string | undefined;
  partySize: number;
  vehiclePlate?: string | undefined;
  expectedDurationMin?: number | undefined;
  expectedAt?: number | undefined;
  notes?: string | undefined;
}

export type RegistrationErrorCode =
  | 'required' | 'tooLong' | 'hostRequired' | 'partySize' | 'duration' | 'expectedAt' | 'idTypeUnknown'
  | 'phoneMobile' | 'phoneLandline' | 'phoneFormat' | IdNumberError;
export type RegistrationWarningCode = 'plateUnusual' | 'idOverridden';

export interface RegistrationCheck {
  ok: boolean;
  /** Normalised fields; set when ok. */
  value?: RegistrationFields;
  errors: Partial<Record<RegistrationField, RegistrationErrorCode>>;
  warnings: Partial<Record<RegistrationField, RegistrationWarningCode>>;
  /** The ID flag that the desk may override (set when that is the only thing in the way, or together with others). */
  overridableIdError?: IdNumberError;
}

export interface RegistrationOptions {
  /** The desk confirmed the ID document in hand despite an overridable flag. */
  overrideIdCheck?: boolean;
  /** A walk-in needs a host to notify; a pre-registration from a CSV may leave it open. */
  requireHost?: boolean;
  now?: Date;
}

const LIMITS: Partial<Record<RegistrationField, number>> = { name: 64, company: 200, phone: 64, idNumber: 64, purpose: 500, vehiclePlate: 32, notes: 1000 };

/**
 * A single-line field (name, organisation, phone, plate): invisible characters removed, spaces collapsed
 * (text/cleanText.ts), so a name that looks like a listed one is stored, shown and matched like it.
 */
const line = (value: string | undefined) => cleanName(value) || undefined;

/** Free text (purpose, notes): bidi overrides and NUL/ESC-like controls removed, line breaks kept. */
const text = (value: string | undefined) => cleanText(value).trim() || undefined;

function integer(value: string | number | undefined): number | undefined | 'invalid' {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(String(value).normalize('NFKC').trim());
  return Number.isInteger(n) ? n : 'invalid';
}

export function checkRegistration(input: RegistrationInput, options: RegistrationOptions = {}): RegistrationCheck {
  const errors: RegistrationCheck['errors'] = {};
  const warnings: RegistrationCheck['warnings'] = {};
  let overridableIdError: IdNumberError | undefined;
  const name = line(input.name);
  if (!name) errors.name = 'required';
  for (const [field, max] of Object.entries(LIMITS) as [RegistrationField, number][]) {
    const value = input[field];
    if (typeof value === 'string' && value.trim().length > max) errors[field] = 'tooLong';
  }

  const phone = line(input.phone);
  if (phone && !errors.phone) {
    const problem = checkPhone(phone);
    if (problem) errors.phone = problem;
  }

  const idType = line(input.idType) as IdDocumentType | undefined;
  if (idType && !(ID_DOCUMENT_TYPES as readonly string[]).includes(idType)) errors.idType = 'idTypeUnknown';
  const idNumber = input.idNumber ? normaliseIdNumber(input.idNumber) || undefined : undefined;
  if (idNumber && !errors.idNumber && !errors.idType) {
    const problem = checkIdNumber(idType, idNumber, options.now);
    if (problem && OVERRIDABLE_ID_ERRORS.has(problem)) {
      overridableIdError = problem;
      if (options.overrideIdCheck) warnings.idNumber = 'idOverridden';
      else errors.idNumber = problem;
    } else if (problem) errors.idNumber = problem;
  }

  const hostStaffId = line(input.hostStaffId);
  if (hostStaffId && !ULID_PATTERN.test(hostStaffId)) errors.hostStaffId = 'hostRequired';
  if (!hostStaffId && options.requireHost) errors.hostStaffId = 'hostRequired';

  const partySize = integer(input.partySize);
  if (partySize === 'invalid' || (partySize !== undefined && (partySize < 1 || partySize > 999))) errors.partySize = 'partySize';
  const duration = integer(input.expectedDurationMin);
  if (duration === 'invalid' || (duration !== undefined && (duration < 1 || duration > 7 * 24 * 60))) errors.expectedDurationMin = 'duration';
  if (input.expectedAt !== undefined && (!Number.isInteger(input.expectedAt) || input.expectedAt < 0)) errors.expectedAt = 'expectedAt';

  const plate = line(input.vehiclePlate);
  const vehiclePlate = plate ? normalisePlate(plate) : undefined;
  if (vehiclePlate && !isPlausiblePlate(vehiclePlate)) warnings.vehiclePlate = 'plateUnusual';

  const ok = Object.keys(errors).length === 0;
  const result: RegistrationCheck = { ok, errors, warnings, ...(overridableIdError ? { overridableIdError } : {}) };
  if (!ok) return result;
  result.value = {
    name: name!,
    company: line(input.company),
    phone,
    idType: idNumber ? (idType ?? (/^\d{17}[\dX]$/.test(idNumber) ? 'residentId' : 'other')) : undefined,
    idNumber,
    hostStaffId,
    purpose: text(input.purpose),
    partySize: typeof partySize === 'number' ? partySize : 1,
    vehiclePlate,
    expectedDurationMin: typeof duration === 'number' ? duration : undefined,
    expectedAt: input.expectedAt,
    notes: text(input.notes),
  };
  return result;
}

/** For comparing what was acknowledged with what is saved: the same person as the desk typed them. */
export function candidateKey(fields: { name?: string | undefined; idNumber?: string | undefined }): string {
  return `${normaliseText(fields.name ?? '').replace(/\s+/g, '')}|${fields.idNumber ? normaliseIdNumber(fields.idNumber) : ''}`;
}
