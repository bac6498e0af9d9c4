// The browser build is served with the same Content-Security-Policy as the Electron app (issue: it had
// none), and the console still works under it: the renderer, the phone's WebSocket to the lab PBX on
// 127.0.0.1 (switchboard.spec.ts registers through it), and the data:/blob: URLs of QR codes and printing.
import { buildContentSecurityPolicy } from '../../shared/security/contentSecurityPolicy';
import { test, expect } from './fixtures';

test.describe('Content-Security-Policy of the browser build', () => {
  test("is the app's own policy, with ws:// and http:// to loopback for the SIP lab and the sync server, and nothing else added", async ({ page }) => {
    const response = await page.goto('/index.html');
    const csp = response?.headers()['content-security-policy'];
    expect(csp).toBe(buildContentSecurityPolicy([], { allowLoopbackLab: true }));
    const directives = new Map(csp!.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:*', 'ws://localhost:*', 'ws://[::1]:*', 'http://127.0.0.1:*', 'http://localhost:*']);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  test('an injected inline script does not run, and the console loads without a violation', async ({ app, page }) => {
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        void (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await app.open({ language: 'en', screen: 'settings' });
    await expect(app.heading).toHaveText('Settings');
    // Not even zod's eval probe: the renderer runs zod jitless (renderer/app/zodConfig.ts).
    expect(violations, 'the console itself needs nothing the policy forbids').toEqual([]);
    const ran = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.head.appendChild(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.some((v) => v.startsWith('script-src'))).toBe(true);
  });

  test('the password help says the browser keeps it in memory only, not in OS-protected storage', async ({ app, page }) => {
    await app.open({ language: 'en', screen: 'settings' });
    const help = page.getByText(/keeps the password in this page's memory only/);
    await expect(help).toBeVisible();
    await expect(page.getByText(/protected storage/)).toHaveCount(0);
  });
});
