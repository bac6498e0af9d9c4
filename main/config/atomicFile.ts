// Small settings files are written to a temp file and renamed over the old one, so a crash or power cut
// mid-write leaves the previous version, never half a file (the secrets file especially).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export async function writeFileAtomically(filePath: string, contents: string): Promise<void> {
  await fs.mkdir(path.dirname(filePath), { recursive: true });
  const temp = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temp, contents, { encoding: 'utf8', mode: 0o600 });
    await fs.rename(temp, filePath);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
