// secrets.*: the SIP password (REQUIREMENTS §6 "stored with the operating system's protected storage,
// never in plain text"). Values are encrypted with Electron's safeStorage (Keychain, DPAPI, libsecret/
// kwallet) and only the ciphertext is written to disk. Where the OS offers no protection — on Linux
// without a keyring Electron falls back to 'basic_text', a hard-coded key — we refuse instead.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { BridgeHandlers } from '@shared/bridge/contract';
import { fail, ok } from '@shared/bridge/result';
import type { SecretKey } from '@shared/bridge/schemas';
import { writeFileAtomically } from '../config/atomicFile';

export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

export interface SecretHandlerDeps {
  userDataDir: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
}

const SECRETS_FILE = 'secrets.json';
const secretsFileSchema = z.object({ version: z.literal(1), entries: z.record(z.string(), z.string()) });

/** Why secrets cannot be kept safely here, or null when they can. */
export function secretStorageProblem(safeStorage: SafeStorageLike, platform: NodeJS.Platform): string | null {
  if (!safeStorage.isEncryptionAvailable()) {
    return 'the operating system offers no protected storage (safeStorage encryption unavailable); secrets are not stored';
  }
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend?.() ?? 'unknown';
    if (backend === 'basic_text' || backend === 'unknown') {
      return `no keyring (GNOME Keyring/KWallet) is running (backend '${backend}' would keep the key in plain text); secrets are not stored`;
    }
  }
  return null;
}

export function createSecretHandlers(deps: SecretHandlerDeps): BridgeHandlers['secrets'] & { isAvailable(): boolean } {
  const filePath = path.join(deps.userDataDir, SECRETS_FILE);
  // Writes are serialised so two quick `set`s cannot interleave their read-modify-write of the file.
  let queue: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  /**
   * A secrets file that cannot be read as ours (truncated by a crash of an older version, edited by hand,
   * a disk error) is renamed to `secrets.json.corrupt-<UTC time>` and the store starts empty: refusing every
   * get, set and delete would leave the desk with no way to enter the password again. The file is kept,
   * not deleted, so someone can look at it; it only holds ciphertext.
   */
  async function setAside(reason: string): Promise<void> {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    let target = `${filePath}.corrupt-${stamp}`;
    for (let n = 1; await fs.stat(target).then(() => true, () => false); n++) target = `${filePath}.corrupt-${stamp}-${n}`;
    await fs.rename(filePath, target);
    console.warn(`[secrets] ${SECRETS_FILE} was unreadable (${reason}); set aside as ${path.basename(target)}, starting empty: the SIP password must be entered again`);
  }

  /** The stored entries; `reset` when a corrupt file was just set aside. */
  async function readEntries(): Promise<{ entries: Record<string, string>; reset: boolean }> {
    let text: string;
    try {
      text = await fs.readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: {}, reset: false };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      await setAside('not JSON');
      return { entries: {}, reset: true };
    }
    const parsed = secretsFileSchema.safeParse(json);
    if (!parsed.success) {
      await setAside('not in the expected format');
      return { entries: {}, reset: true };
    }
    return { entries: { ...parsed.data.entries }, reset: false };
  }

  const writeEntries = (entries: Record<string, string>) =>
    writeFileAtomically(filePath, JSON.stringify({ version: 1, entries }, null, 2));

  const problem = () => secretStorageProblem(deps.safeStorage, deps.platform);

  return {
    isAvailable: () => problem() === null,

    // Serialised with the writes: a get that sets a corrupt file aside must not race a set's rename.
    get({ key }: { key: SecretKey }) {
      return serialised(async () => {
        const why = problem();
        if (why) return fail('secrets-unavailable', why);
        const { entries, reset } = await readEntries();
        if (reset) return ok({ value: null, reset: true as const });
        const stored = entries[key];
        if (stored === undefined) return ok({ value: null });
        try {
          return ok({ value: deps.safeStorage.decryptString(Buffer.from(stored, 'base64')) });
        } catch {
          // The OS key changed (new user profile, restored backup): the old ciphertext is unreadable.
          return fail('secrets-unavailable', `the stored ${key} can no longer be decrypted; set it again`);
        }
      });
    },

    set({ key, value }: { key: SecretKey; value: string }) {
      return serialised(async () => {
        const why = problem();
        if (why) return fail('secrets-unavailable', why);
        const { entries } = await readEntries();
        entries[key] = deps.safeStorage.encryptString(value).toString('base64');
        await writeEntries(entries);
        return ok({ stored: true as const });
      });
    },

    // Deleting needs no encryption, so it works even where storing does not (e.g. to clear an old value).
    delete({ key }: { key: SecretKey }) {
      return serialised(async () => {
        const { entries } = await readEntries();
        if (!(key in entries)) return ok({ deleted: false });
        delete entries[key];
        await writeEntries(entries);
        return ok({ deleted: true });
      });
    },
  };
}
