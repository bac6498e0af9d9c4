import { describe, expect, it } from 'vitest';
import { screenFromHash, DEFAULT_SCREEN } from './navigation';

describe('screenFromHash', () => {
  it('maps known hashes and falls back to the dashboard', () => {
    expect(screenFromHash('#/directory')).toBe('directory');
    expect(screenFromHash('#/parcels/123')).toBe('parcels');
    expect(screenFromHash('')).toBe(DEFAULT_SCREEN);
    expect(screenFromHash('#/nope')).toBe('dashboard');
  });
});
