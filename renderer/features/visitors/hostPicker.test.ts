import { describe, expect, it } from 'vitest';
import { typedOver } from './HostPicker';

describe('typedOver', () => {
  const label = '张三（分机 3002）';

  it('keeps every key typed over a selected label ("dc" stays "dc")', () => {
    expect(typedOver(label, 'd')).toBe('d');
    expect(typedOver(label, 'dc')).toBe('dc');
  });

  it('keeps the keys typed at the end of the label', () => {
    expect(typedOver(label, `${label}s`)).toBe('s');
  });

  it('gives nothing when the person deleted part of the label', () => {
    expect(typedOver(label, label.slice(0, -1))).toBe('');
    expect(typedOver(label, '')).toBe('');
  });

  it('gives the inserted keys when typed in the middle', () => {
    expect(typedOver('abcd', 'abXYcd')).toBe('XY');
  });

  it('uses the selection before the edit when it knows it (a label that starts with the typed key)', () => {
    expect(typedOver('dave · 2001', 'd', [0, 11])).toBe('d');
    expect(typedOver('dave · 2001', 'dave · 2001d', [11, 11])).toBe('d');
    expect(typedOver('dave · 2001', 'dave · 200', [11, 11])).toBe('');
    // Without it, the common prefix wins (the case the selection exists for).
    expect(typedOver('dave · 2001', 'd')).toBe('');
  });
});
