import { describe, expect, it } from 'vitest';
import { messageOf } from './messageOf';

describe('messageOf', () => {
  it('gives an Error its message, or its name when the message is empty', () => {
    expect(messageOf(new TypeError('bad input'))).toBe('bad input');
    expect(messageOf(new RangeError(''))).toBe('RangeError');
  });

  it('keeps strings and turns other values into readable text', () => {
    expect(messageOf('disk full')).toBe('disk full');
    expect(messageOf({ message: 'from a library' })).toBe('from a library');
    expect(messageOf({ code: 486 })).toBe('{"code":486}');
    expect(messageOf(undefined)).toBe('undefined');
    expect(messageOf(42)).toBe('42');
  });

  it('survives values that cannot be serialised', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(messageOf(cyclic)).toBe('[object Object]');
  });
});
