// Where cleaned text enters the records: the visitor registration check (also used by the expected-visitor
// CSV import), and the directory's person and department schemas (form and CSV import alike).
import { describe, expect, it } from 'vitest';
import { departmentInputSchema, staffInputSchema } from '../domain/directory';
import { checkRegistration } from '../visitors/registration';
import { normaliseIdNumber } from '../visitors/idNumber';

const ZW = '\u200B\u200D\u2060\u00AD\u200F\uFE0F\u202E\u0000\u001B';

describe('visitor registration stores names without invisible characters', () => {
  it('cleans the name, organisation and phone, and keeps the notes\' lines without bidi or NUL', () => {
    const checked = checkRegistration({
      name: `张${ZW}伟`, company: `\u202E恒泰${ZW}科技`, phone: `138${ZW}0013 8000`,
      purpose: 'meet\u202E ing', notes: 'line 1\nline\u0000 2\u001B', partySize: '1',
    });
    expect(checked.ok).toBe(true);
    expect(checked.value).toMatchObject({ name: '张伟', company: '恒泰科技', phone: '1380013 8000', purpose: 'meet ing', notes: 'line 1\nline 2' });
  });

  it('refuses a name made only of invisible characters as missing', () => {
    expect(checkRegistration({ name: ZW }).errors.name).toBe('required');
  });

  it('reads ID numbers without invisible characters', () => {
    expect(normaliseIdNumber('110105\u200B19491231\u2060002x')).toBe('11010519491231002X');
  });
});

describe('directory schemas store names without invisible characters', () => {
  it('cleans a person\'s fields before checking them', () => {
    const parsed = staffInputSchema.parse({
      name: `\u202E李${ZW}娜\u2066`, title: `经${ZW}理`, extension: `23${ZW}01`, mobile: `139${ZW}00000001`,
      email: `LI${ZW}@EXAMPLE.COM`, location: `3${ZW}F`, notes: 'a\nb\u202E\u0000',
    });
    expect(parsed).toMatchObject({ name: '李娜', title: '经理', extension: '2301', mobile: '13900000001', email: 'li@example.com', location: '3F', notes: 'a\nb' });
  });

  it('refuses a name made only of invisible characters, and cleans department names', () => {
    const result = staffInputSchema.safeParse({ name: ZW });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('required');
    expect(departmentInputSchema.parse({ name: `销售${ZW}部` }).name).toBe('销售部');
  });
});
