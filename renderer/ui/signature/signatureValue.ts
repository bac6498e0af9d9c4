// The value of a signature field, kept apart from the widget so it can be tested without a canvas.
// Empty (no strokes drawn and nothing typed) is `null`: "no signature".

export type SignatureValue =
  /** Drawn on screen: a PNG data URL of the canvas and how many strokes made it. */
  | { method: 'drawn'; dataUrl: string; strokes: number }
  /** The keyboard alternative: the signer typed their name to confirm. */
  | { method: 'typed'; typedName: string };

/** A drawn signature wins over a typed one; whitespace-only typing is no confirmation. */
export function signatureValueOf(drawn: { dataUrl: string; strokes: number } | null, typed: string): SignatureValue | null {
  if (drawn && drawn.strokes > 0 && drawn.dataUrl.startsWith('data:image/png')) {
    return { method: 'drawn', dataUrl: drawn.dataUrl, strokes: drawn.strokes };
  }
  const typedName = typed.trim().replace(/\s+/g, ' ');
  return typedName ? { method: 'typed', typedName } : null;
}

export function isSigned(value: SignatureValue | null | undefined): value is SignatureValue {
  return value != null;
}
