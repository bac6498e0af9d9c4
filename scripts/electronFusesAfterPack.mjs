// electron-builder afterPack hook (electron-builder.yml `afterPack`): sets the Electron fuses that
// electron-builder cannot set yet. electron-builder 26.17 maps only the eight fuses @electron/fuses 1.8
// knows (its `electronFuses` schema has additionalProperties: false, so `wasmTrapHandlers:` is refused as
// an invalid configuration), and @electron/fuses 1.8 writes a wire of eight. Electron 45's wire has nine.
// This hook writes the extra ones straight into the fuse wire, the way @electron/fuses does: after the
// sentinel come the wire version (1), the wire length, then one byte per fuse ('0' off, '1' on, 'r' removed).
// It runs before electron-builder flips its own eight and signs, and those leave the ninth byte alone.
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_DISABLE = 0x30;
const FUSE_ENABLE = 0x31;
const FUSE_REMOVED = 0x72;

/**
 * Fuses set here, by their Electron name, with their wire index and value. WasmTrapHandlers: V8 guards
 * WebAssembly memory with guard regions and a signal handler (Electron's default, kept on); off means
 * explicit bounds checks, only needed when native code installs conflicting signal handlers.
 */
export const EXTRA_FUSES = { WasmTrapHandlers: { index: 8, enabled: true } };

/** Sets EXTRA_FUSES in an Electron binary's bytes (every fuse wire in it: a universal macOS build has two). */
export function flipExtraFuses(binary) {
  const sentinel = Buffer.from(FUSE_SENTINEL, 'latin1');
  const wires = [];
  for (let at = binary.indexOf(sentinel); at !== -1; at = binary.indexOf(sentinel, at + 1)) wires.push(at + sentinel.length);
  if (wires.length === 0) throw new Error('no fuse wire in this Electron binary (the sentinel is missing)');
  for (const wire of wires) {
    if (binary[wire] !== 1) throw new Error(`fuse wire version ${binary[wire]} is not 1: update scripts/electronFusesAfterPack.mjs`);
    const length = binary[wire + 1];
    for (const [name, fuse] of Object.entries(EXTRA_FUSES)) {
      if (fuse.index >= length) throw new Error(`this Electron's fuse wire has ${length} fuses; ${name} (index ${fuse.index}) does not exist`);
      const at = wire + 2 + fuse.index;
      if (binary[at] === FUSE_REMOVED) throw new Error(`fuse ${name} is marked removed in this Electron`);
      binary[at] = fuse.enabled ? FUSE_ENABLE : FUSE_DISABLE;
    }
  }
  return wires.length;
}

/** The file holding the fuse wire, as @electron/fuses finds it (the framework on macOS). */
export function fuseBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${product}.app`, 'Contents', 'Frameworks', 'Electron Framework.framework', 'Electron Framework');
  }
  if (electronPlatformName === 'win32') return path.join(appOutDir, `${product}.exe`);
  return path.join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const file = fuseBinaryPath(context);
  const binary = await fs.readFile(file);
  const wires = flipExtraFuses(binary);
  await fs.writeFile(file, binary);
  console.log(`  • extra Electron fuses set (${Object.keys(EXTRA_FUSES).join(', ')}) in ${wires} wire(s) of ${file}`);
}
