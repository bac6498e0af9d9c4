/**
 * Node-side driver for one lab agent page: every method is a page.evaluate on window.labAgent.
 * Used by the lab's own tests and by the switchboard e2e tests (callers, extensions).
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type {
  LabAgentState,
  LabCallOptions,
  LabEvent,
  LabEventType,
  LabReceivedMessage,
  LabRegisterOptions,
  LabSessionSnapshot,
  LabTransferResult,
  LabWireEntry,
} from './agent/types';

export class LabAgent {
  /** errors thrown on the page outside the agent's own bookkeeping (pageerror) */
  readonly pageErrors: string[] = [];

  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly user: string,
  ) {
    page.on('pageerror', (err) => this.pageErrors.push(String(err.stack ?? err)));
  }

  /** Opens the agent page in its own browser context and registers `user`. */
  static async open(
    browser: Browser,
    pageUrl: string,
    options: LabRegisterOptions,
  ): Promise<LabAgent> {
    const context = await browser.newContext();
    const page = await context.newPage();
    const agent = new LabAgent(page, context, options.user);
    await page.goto(pageUrl);
    await page.waitForFunction(() => typeof window.labAgent === 'object');
    await page.evaluate((o) => window.labAgent.register(o), options);
    return agent;
  }

  register(options: LabRegisterOptions): Promise<void> {
    return this.page.evaluate((o) => window.labAgent.register(o), options);
  }
  unregister(): Promise<void> {
    return this.page.evaluate(() => window.labAgent.unregister());
  }
  call(target: string, options: LabCallOptions = {}): Promise<string> {
    return this.page.evaluate(([t, o]) => window.labAgent.call(t, o), [target, options] as const);
  }
  answer(callId?: string): Promise<string> {
    return this.page.evaluate((id) => window.labAgent.answer(id ?? undefined), callId ?? null);
  }
  reject(code: number, callId?: string): Promise<string> {
    return this.page.evaluate(([c, id]) => window.labAgent.reject(c, id ?? undefined), [code, callId ?? null] as const);
  }
  autoAnswer(setting: { after: number } | false): Promise<void> {
    return this.page.evaluate((s) => window.labAgent.autoAnswer(s), setting);
  }
  autoReject(code: number | false): Promise<void> {
    return this.page.evaluate((c) => window.labAgent.autoReject(c), code);
  }
  hangup(callId?: string): Promise<void> {
    return this.page.evaluate((id) => window.labAgent.hangup(id ?? undefined), callId ?? null);
  }
  hold(callId: string): Promise<void> {
    return this.page.evaluate((id) => window.labAgent.hold(id), callId);
  }
  unhold(callId: string): Promise<void> {
    return this.page.evaluate((id) => window.labAgent.unhold(id), callId);
  }
  sendDtmf(callId: string, digits: string, method: 'info' | 'rtp' = 'info'): Promise<void> {
    return this.page.evaluate(([id, d, m]) => window.labAgent.sendDtmf(id, d, { method: m }), [callId, digits, method] as const);
  }
  blindTransfer(callId: string, target: string, timeoutMs = 15_000): Promise<LabTransferResult> {
    return this.page.evaluate(([id, t, ms]) => window.labAgent.blindTransfer(id, t, { timeoutMs: ms }), [callId, target, timeoutMs] as const);
  }
  attendedTransfer(heldCallId: string, consultCallId: string, timeoutMs = 15_000): Promise<LabTransferResult> {
    return this.page.evaluate(([h, c, ms]) => window.labAgent.attendedTransfer(h, c, { timeoutMs: ms }), [heldCallId, consultCallId, timeoutMs] as const);
  }
  state(): Promise<LabAgentState> {
    return this.page.evaluate(() => window.labAgent.state());
  }
  /** SIP MESSAGE requests received so far */
  async messages(): Promise<LabReceivedMessage[]> {
    return (await this.state()).messages;
  }
  messageReply(code: number): Promise<void> {
    return this.page.evaluate((c) => window.labAgent.messageReply(c), code);
  }
  async session(id: string): Promise<LabSessionSnapshot | undefined> {
    return (await this.state()).sessions.find((s) => s.id === id);
  }
  events(sinceSeq = 0): Promise<LabEvent[]> {
    return this.page.evaluate((n) => window.labAgent.events(n), sinceSeq);
  }
  waitForEvent(type: LabEventType, options: { sessionId?: string; sinceSeq?: number; timeoutMs?: number } = {}): Promise<LabEvent> {
    return this.page.evaluate(([t, o]) => window.labAgent.waitForEvent(t, o), [type, options] as const);
  }
  wire(): Promise<LabWireEntry[]> {
    return this.page.evaluate(() => window.labAgent.wire());
  }
  /** unregister (best effort) and close the page's context */
  async close(): Promise<void> {
    await Promise.race([this.unregister().catch(() => undefined), new Promise((r) => setTimeout(r, 4000))]);
    await this.context.close().catch(() => undefined);
  }
}
