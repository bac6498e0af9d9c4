// Types for the afterPack hook (a plain .mjs because electron-builder loads it directly).
export declare const FUSE_SENTINEL: string;
export declare const EXTRA_FUSES: Record<string, { index: number; enabled: boolean }>;
export declare function flipExtraFuses(binary: Buffer): number;
export declare function fuseBinaryPath(context: {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName: string };
}): string;
export default function afterPack(context: Parameters<typeof fuseBinaryPath>[0]): Promise<void>;
