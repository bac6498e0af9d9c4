// Staff directory (内线通讯录): departments and people with their extensions, used by the switchboard
// for transfers, by reception to pick a host and by the mailroom to pick a recipient.
import { z } from 'zod';
import { EMAIL_PATTERN, EXTENSION_PATTERN, FIELD_MAX, NAME_MAX, NOTES_MAX, isValidPhone } from './plain/directory';
import { cleanName, cleanText } from '../text/cleanText';
import { recordBaseSchema, ulidSchema } from './record';

export * from './plain/directory';

// Every field is cleaned before it is checked (text/cleanText.ts): a name or a value typed or imported
// with zero-width, bidi or control characters is stored without them, so it shows and matches as it looks.
/** A single-line field: invisible characters removed, spaces collapsed, trimmed. */
const line = () => z.string().overwrite(cleanName);
/** A multi-line field (notes): bidi overrides and NUL/ESC-like controls removed, lines kept, trimmed. */
const multiline = () => z.string().overwrite((v) => cleanText(v).trim());
const optionalText = (max: number) => line().max(max, { error: 'tooLong' }).optional().transform((v) => (v ? v : undefined));
const optionalNotes = (max: number) => multiline().max(max, { error: 'tooLong' }).optional().transform((v) => (v ? v : undefined));

/** What a person (form or CSV row) supplies for a staff member. */
export const staffInputSchema = z.object({
  name: z.string({ error: 'required' }).overwrite(cleanName).min(1, { error: 'required' }).max(NAME_MAX, { error: 'tooLong' }),
  departmentId: ulidSchema.optional(),
  title: optionalText(FIELD_MAX),
  extension: line().optional().transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || EXTENSION_PATTERN.test(v), { error: 'malformedExtension' }),
  mobile: line().optional().transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isValidPhone(v), { error: 'malformedPhone' }),
  email: line().max(FIELD_MAX, { error: 'tooLong' }).optional().transform((v) => (v ? v.toLowerCase() : undefined))
    .refine((v) => v === undefined || EMAIL_PATTERN.test(v), { error: 'malformedEmail' }),
  location: optionalText(FIELD_MAX),
  notes: optionalNotes(NOTES_MAX),
});
export type StaffInput = z.input<typeof staffInputSchema>;
export type StaffFields = z.output<typeof staffInputSchema>;

export const staffSchema = recordBaseSchema.extend({
  name: z.string().min(1).max(NAME_MAX),
  /** Sort key: the name in lower-case pinyin ("zhang san"), so the list reads in 拼音 order. Added in schema v2. */
  nameKey: z.string(),
  departmentId: ulidSchema.optional(),
  title: z.string().max(FIELD_MAX).optional(),
  extension: z.string().regex(EXTENSION_PATTERN).optional(),
  mobile: z.string().max(FIELD_MAX).optional(),
  /** The mobile's phone key (E.164, shared/phone/phoneKey.ts; the name is from when it held digits): caller recognition. Schema v3. */
  mobileDigits: z.string().optional(),
  email: z.string().max(FIELD_MAX).optional(),
  location: z.string().max(FIELD_MAX).optional(),
  notes: z.string().max(NOTES_MAX).optional(),
  /** Precomputed search keys (lower-case name, pinyin full and initials, extension, digits, department). */
  searchKeys: z.array(z.string()),
});
export type Staff = z.infer<typeof staffSchema>;

export const departmentInputSchema = z.object({
  name: z.string({ error: 'required' }).overwrite(cleanName).min(1, { error: 'required' }).max(NAME_MAX, { error: 'tooLong' }),
  parentId: ulidSchema.optional(),
  location: optionalText(FIELD_MAX),
  notes: optionalNotes(NOTES_MAX),
});
export type DepartmentInput = z.input<typeof departmentInputSchema>;
export type DepartmentFields = z.output<typeof departmentInputSchema>;

export const departmentSchema = recordBaseSchema.extend({
  name: z.string().min(1).max(NAME_MAX),
  /** Normalised name (NFKC, lower-case, single spaces): departments are matched by name on import. */
  nameKey: z.string(),
  parentId: ulidSchema.optional(),
  location: z.string().max(FIELD_MAX).optional(),
  notes: z.string().max(NOTES_MAX).optional(),
  searchKeys: z.array(z.string()),
});
export type Department = z.infer<typeof departmentSchema>;
