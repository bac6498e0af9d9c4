// app.*: what the renderer needs to know about its host, and the SIP servers and sync server that feed the CSP.
import type { BridgeHandlers } from '@shared/bridge/contract';
import { ok } from '@shared/bridge/result';
import type { SipServerConfig } from '../config/sipServerConfig';

export interface AppHandlerDeps {
  appVersion: string;
  versions: { electron?: string; chrome?: string };
  secretsAvailable: () => boolean;
  pdfAvailable: boolean;
  printAvailable: boolean;
  sipConfig: Pick<SipServerConfig, 'setServers' | 'setSyncServer'> & Partial<Pick<SipServerConfig, 'rejectedServers'>>;
}

export function createAppHandlers(deps: AppHandlerDeps): BridgeHandlers['app'] {
  return {
    async info() {
      const rejected = deps.sipConfig.rejectedServers?.() ?? [];
      return ok({
        appVersion: deps.appVersion,
        platform: 'electron' as const,
        electronVersion: deps.versions.electron,
        chromeVersion: deps.versions.chrome,
        secretStorage: 'os' as const,
        capabilities: { pdf: deps.pdfAvailable, secureSecrets: deps.secretsAvailable(), fileSave: true, print: deps.printAvailable },
        ...(rejected.length > 0 ? { rejectedSipServers: rejected } : {}),
      });
    },
    async setSipServers({ urls }) {
      await deps.sipConfig.setServers(urls);
      return ok({ urls: [...urls], reloadRequired: true });
    },
    async setSyncServer({ url }) {
      await deps.sipConfig.setSyncServer(url);
      return ok({ url, reloadRequired: true });
    },
  };
}
