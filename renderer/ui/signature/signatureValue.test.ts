import { describe, expect, it } from 'vitest';
import { isSigned, signatureValueOf } from './signatureValue';

describe('signature value', () => {
  it('is empty without strokes and without typing', () => {
    expect(signatureValueOf(null, '')).toBeNull();
    expect(signatureValueOf({ dataUrl: 'data:image/png;base64,AAAA', strokes: 0 }, '   ')).toBeNull();
    expect(isSigned(signatureValueOf(null, ''))).toBe(false);
  });

  it('takes the drawing when there are strokes, even if a name was typed', () => {
    expect(signatureValueOf({ dataUrl: 'data:image/png;base64,AAAA', strokes: 3 }, 'Wang')).toEqual({
      method: 'drawn',
      dataUrl: 'data:image/png;base64,AAAA',
      strokes: 3,
    });
  });

  it('refuses a drawing that is not a PNG data URL and falls back to the typed name', () => {
    expect(signatureValueOf({ dataUrl: 'javascript:alert(1)', strokes: 2 }, '  王  小明 ')).toEqual({ method: 'typed', typedName: '王 小明' });
  });
});
