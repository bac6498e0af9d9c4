// The phone builds nothing at import time: features reach the softphone the shell installed
// (renderer/app/phoneWiring.ts), through the live binding and the accessors of phoneService.ts.
import { describe, expect, it } from 'vitest';
import * as phone from './phoneService';
import { PhoneConfiguration } from './phoneConfiguration';
import { Softphone } from './softphone';

describe('phoneService', () => {
  it('has no phone until the shell installs one, then every importer sees that one', () => {
    expect(phone.softphone).toBeUndefined();
    expect(() => phone.phoneHandle()).toThrow(/not wired/);

    const softphone = new Softphone();
    const configuration = new PhoneConfiguration(softphone, () => undefined);
    phone.installPhone({ softphone, configuration });

    expect(phone.softphone).toBe(softphone);
    expect(phone.phoneHandle().configuration).toBe(configuration);
    expect(phone.currentPhoneSettings()).toBeUndefined();
    expect(softphone.getSnapshot()).toEqual({ registration: 'unconfigured', lines: [] });
  });
});
