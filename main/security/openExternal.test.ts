import { beforeEach, describe, expect, it, vi } from 'vitest';

const shell = vi.hoisted(() => ({ openExternal: vi.fn(async () => undefined) }));
vi.mock('electron', () => ({ shell }));

const { isAllowedExternalUrl, openExternalSafely } = await import('./openExternal');

describe('openExternalSafely (checklist #15 no openExternal with untrusted content)', () => {
  beforeEach(() => {
    shell.openExternal.mockClear();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });

  it('opens https:, mailto: and tel: URLs', async () => {
    for (const url of ['https://example.com/a?b=c', 'mailto:reception@example.com', 'tel:+861012345678']) {
      expect(await openExternalSafely(url)).toBe(true);
    }
    expect(shell.openExternal).toHaveBeenCalledTimes(3);
  });

  it('refuses every other scheme and never calls shell.openExternal for them', async () => {
    for (const url of [
      'http://example.com',
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker/share',
      'javascript:alert(1)',
      'ms-msdt:/id PCWDiagnostic',
      'app://frontdesk/index.html',
      'https://user:pass@example.com',
      'not a url',
      `https://example.com/${'a'.repeat(3000)}`,
    ]) {
      expect(await openExternalSafely(url), url).toBe(false);
    }
    expect(isAllowedExternalUrl(42 as unknown as string)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});
