// The shared bridge contract suite against the browser stand-in (jsdom).
import { describe, it } from 'vitest';
import { defineBridgeContractSuite } from '@shared/bridge/contractSuite';
import type { FinishedExport } from '@shared/bridge/schemas';
import { createBrowserBridge } from './browserBridge';

defineBridgeContractSuite(
  'browser stand-in',
  async () => {
    const downloads = new Map<string, Blob>();
    const bridge = createBrowserBridge({ appVersion: '0.1.0', triggerDownload: (blob, name) => void downloads.set(name, blob) });
    return {
      bridge,
      readFinishedExport: async (finished: FinishedExport) => {
        if (finished.saved !== 'download') throw new Error(`expected a download, got ${JSON.stringify(finished)}`);
        const blob = downloads.get(finished.fileName);
        if (!blob) throw new Error(`no download named ${finished.fileName}`);
        return new Uint8Array(await blob.arrayBuffer());
      },
    };
  },
  { describe, it },
);
