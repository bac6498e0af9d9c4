import { test as base, expect, type Page } from '@playwright/test';
import { AppPage } from './pages/AppPage';
import { SwitchboardPage } from './pages/SwitchboardPage';
import { startKamailio, type KamailioHandle } from '../lab/kamailioProcess';
import { startStaticServer } from '../lab/staticServer';
import { LabAgent } from '../lab/labAgentDriver';
import type { LabRegisterOptions } from '../lab/agent/types';
import { AGENT_DIST_DIR } from './e2eEnvironment';

/** A real SIP server for this worker: Kamailio on 127.0.0.1 plus the page that hosts sip.js test agents. */
export interface SipLab {
  wsUrl: string;
  agentPageUrl: string;
  kamailio: KamailioHandle;
}

export type AgentFactory = (user: string, displayName?: string, extra?: Partial<LabRegisterOptions>) => Promise<LabAgent>;

/**
 * The supervisor every test is signed in as unless it opts out (`test.use({ signIn: false })`). The page
 * starts with `window.__frontdeskTestSignIn` set (renderer/features/signin/SessionGate.tsx, honoured only in
 * the browser): on a fresh database the app completes the first-run set-up with it, later loads sign the same
 * person in — both through the real PBKDF2 hashing and the write path (about half a second a test).
 */
export const TEST_SUPERVISOR = { name: 'Test Supervisor', secret: '24681357' } as const;

export interface SignInOption {
  /** Sign in as TEST_SUPERVISOR (every role) before the app shows anything; false tests the first run. */
  signIn: boolean;
}

/** Makes a page (e.g. a second desk's, in a context a test opens itself) sign in as TEST_SUPERVISOR on load. */
export async function signInAsTestSupervisor(page: Page): Promise<void> {
  await page.addInitScript((seed) => {
    (window as unknown as { __frontdeskTestSignIn?: typeof seed }).__frontdeskTestSignIn = seed;
  }, TEST_SUPERVISOR);
}

export const test = base.extend<{ app: AppPage; switchboard: SwitchboardPage; agent: AgentFactory } & SignInOption, { sipLab: SipLab }>({
  signIn: [true, { option: true }],
  page: async ({ page, signIn }, use) => {
    if (signIn) await signInAsTestSupervisor(page);
    await use(page);
  },
  app: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await use(new AppPage(page));
    // An uncaught exception in the page is a failure even when the assertions passed.
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
  switchboard: async ({ app }, use) => {
    await use(new SwitchboardPage(app));
  },
  sipLab: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const kamailio = await startKamailio();
      const web = await startStaticServer({ root: AGENT_DIST_DIR });
      try {
        await use({ wsUrl: kamailio.wsUrl, agentPageUrl: web.url, kamailio });
      } finally {
        await web.close();
        await kamailio.stop();
      }
    },
    { scope: 'worker' },
  ],
  agent: async ({ browser, sipLab }, use, testInfo) => {
    const agents: LabAgent[] = [];
    await use(async (user, displayName, extra = {}) => {
      const a = await LabAgent.open(browser, sipLab.agentPageUrl, { wsUrl: sipLab.wsUrl, user, ...(displayName ? { displayName } : {}), ...extra });
      agents.push(a);
      return a;
    });
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const a of agents) {
        const dump = await Promise.all([a.state(), a.events()]).catch((e: unknown) => [String(e)]);
        await testInfo.attach(`agent-${a.user}.json`, { body: JSON.stringify(dump, null, 2), contentType: 'application/json' });
      }
      await testInfo.attach('kamailio.log', { body: sipLab.kamailio.logs().slice(-20_000), contentType: 'text/plain' });
    }
    await Promise.all(agents.map((a) => a.close()));
  },
});

export { expect };
