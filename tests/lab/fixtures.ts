/**
 * Playwright fixtures for SIP lab tests: `lab` (URLs from the global setup) and `agent(user, name)`
 * which opens a registered lab agent page per party and closes it (unregister first) after the test.
 * On failure, every agent's state, event log and SIP start lines are attached to the report.
 */
import { test as base, expect } from '@playwright/test';
import type { LabRegisterOptions } from './agent/types';
import { LabAgent } from './labAgentDriver';

export interface LabEnv {
  wsUrl: string;
  pageUrl: string;
  udpPort: number;
}

export type AgentFactory = (user: string, displayName?: string, extra?: Partial<LabRegisterOptions>) => Promise<LabAgent>;

export const test = base.extend<{ lab: LabEnv; agent: AgentFactory }>({
  // eslint-disable-next-line no-empty-pattern
  lab: async ({}, use) => {
    const wsUrl = process.env.LAB_WS_URL;
    const pageUrl = process.env.LAB_PAGE_URL;
    if (!wsUrl || !pageUrl) throw new Error('LAB_WS_URL / LAB_PAGE_URL not set: run with -c tests/lab/playwright.config.ts');
    await use({ wsUrl, pageUrl, udpPort: Number(process.env.LAB_UDP_PORT ?? 0) });
  },
  agent: async ({ browser, lab }, use, testInfo) => {
    const agents: LabAgent[] = [];
    await use(async (user, displayName, extra = {}) => {
      const a = await LabAgent.open(browser, lab.pageUrl, {
        wsUrl: lab.wsUrl,
        user,
        ...(displayName ? { displayName } : {}),
        ...extra,
      });
      agents.push(a);
      return a;
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const a of agents) {
        const dump = await Promise.all([a.state(), a.events(), a.wire()]).catch((e: unknown) => [String(e)]);
        await testInfo.attach(`agent-${a.user}.json`, { body: JSON.stringify(dump, null, 2), contentType: 'application/json' });
      }
    }
    await Promise.all(agents.map((a) => a.close()));
  },
});

export { expect };
