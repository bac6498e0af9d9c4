import { describe, expect, it } from 'vitest';
import { ULID_PATTERN } from '../domain/record';
import { deterministicUlid, SAMPLE_DIRECTORY_AT } from './sampleIds';

describe('sample directory ids', () => {
  it('the same key gives the same valid ULID, another key another one', () => {
    const a = deterministicUlid(SAMPLE_DIRECTORY_AT, 'staff:2001');
    expect(a).toMatch(ULID_PATTERN);
    expect(deterministicUlid(SAMPLE_DIRECTORY_AT, 'staff:2001')).toBe(a);
    expect(deterministicUlid(SAMPLE_DIRECTORY_AT, 'staff:2002')).not.toBe(a);
    const keys = Array.from({ length: 500 }, (_, i) => deterministicUlid(SAMPLE_DIRECTORY_AT, `staff:${i}`));
    expect(new Set(keys).size).toBe(500);
  });

  it('sorts by its time like any ULID', () => {
    expect(deterministicUlid(SAMPLE_DIRECTORY_AT, 'x') < deterministicUlid(SAMPLE_DIRECTORY_AT + 1, 'x')).toBe(true);
    expect(deterministicUlid(Date.UTC(2025, 0, 1), 'x').slice(0, 10)).toBe('01JGFJJZ00');
  });
});
