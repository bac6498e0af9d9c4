// sip.js's generated SIP grammar (pegjs) decoded its whole bytecode table on every parse, so for every
// header of every SIP message: an INVITE took about 2.6 ms to parse when hot, 8× the 0.3 ms it takes with
// the table decoded once. patches/sip.js+0.21.2.patch (applied by `npm install` through patch-package)
// keeps the decoded table; this test fails if the patch is lost, e.g. on a sip.js upgrade.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserAgent } from 'sip.js';

describe('sip.js grammar patch', () => {
  afterEach(() => vi.restoreAllMocks());

  it('decodes the parser bytecode once, not on every parse', () => {
    expect(UserAgent.makeURI('sip:warm@pbx.example.com')?.user).toBe('warm');
    const split = vi.spyOn(String.prototype, 'split');
    const uris = Array.from({ length: 20 }, (_, i) => UserAgent.makeURI(`sip:${2000 + i}@pbx.example.com:5060`));
    // The stock parser splits each of its ~236 bytecode strings on every call: thousands of split('') here.
    const decodes = split.mock.calls.filter((args: unknown[]) => args[0] === '').length;
    split.mockRestore();
    expect(decodes).toBe(0);
    // The shared table still parses correctly, call after call.
    expect(uris.map((u) => `${u?.user}@${u?.host}:${u?.port}`)).toEqual(Array.from({ length: 20 }, (_, i) => `${2000 + i}@pbx.example.com:5060`));
  });
});
