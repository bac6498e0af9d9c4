import { describe, expect, it } from 'vitest';
import { listBridgeMethods } from './contract';
import { listBridgeMethodNames } from './methods';

describe('bridge method names', () => {
  it('lists exactly the methods of the contract, domain by domain', () => {
    const fromContract = listBridgeMethods().map(({ domain, method }) => `${domain}.${method}`).sort();
    const fromNames = listBridgeMethodNames().map(({ domain, method }) => `${domain}.${method}`).sort();
    expect(fromNames).toEqual(fromContract);
    expect(new Set(fromNames).size).toBe(fromNames.length);
  });
});
