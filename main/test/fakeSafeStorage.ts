// A stand-in for Electron's safeStorage in unit tests: reversible, and the plaintext never appears in
// what it returns (so a test can assert the secrets file holds no plaintext).
// main/test/ holds test support only, like renderer/test/: nothing under main/index.ts or the preload
// imports it, so scripts/build-main.mjs (which bundles from those entries) never ships it.
export function createFakeSafeStorage(overrides: { available?: boolean; backend?: string } = {}) {
  return {
    isEncryptionAvailable: () => overrides.available ?? true,
    getSelectedStorageBackend: () => overrides.backend ?? 'gnome_libsecret',
    encryptString: (text: string) => Buffer.from(Buffer.from(`v10${text}`, 'utf8').map((b) => b ^ 0x5a)),
    decryptString: (data: Buffer) => {
      const plain = Buffer.from(data.map((b) => b ^ 0x5a)).toString('utf8');
      if (!plain.startsWith('v10')) throw new Error('bad ciphertext');
      return plain.slice(3);
    },
  };
}
