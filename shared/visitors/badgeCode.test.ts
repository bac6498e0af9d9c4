import { describe, expect, it } from 'vitest';
import { badgeCodeFor, visitIdFromBadgeCode } from './badgeCode';

describe('badge codes', () => {
  it('round-trips a visit id and accepts what a scanner types', () => {
    const id = '01JD00000000000000000000AB';
    expect(visitIdFromBadgeCode(badgeCodeFor(id))).toBe(id);
    expect(visitIdFromBadgeCode(` fdv1:${id.toLowerCase()}\n`)).toBe(id);
  });
  it('ignores names and malformed codes', () => {
    expect(visitIdFromBadgeCode('张三')).toBeUndefined();
    expect(visitIdFromBadgeCode('FDV1:not-an-id')).toBeUndefined();
  });
});
