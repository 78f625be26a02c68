/**
 * The suite's `test`: fails on any CSP violation, and every request that would leave this machine is answered with a network failure
 * before it is sent (no DNS lookup, no traffic), and recorded so a test can assert on it.
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ offsite: string[]; cspGuard: undefined }>({
  /** Fails any test during which the Content-Security-Policy blocked something (page or worker). */
  cspGuard: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
      });
      page.on('console', (m) => {
        if (/CSP violation|Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      page.on('requestfailed', (r) => {
        if (/csp/i.test(r.failure()?.errorText ?? '')) violations.push(`blocked request ${r.url()}`);
      });
      await use(undefined);
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
  offsite: [
    async ({ context }, use) => {
      const seen: string[] = [];
      await context.route(
        (url) =>
          url.hostname !== '127.0.0.1' && url.hostname !== 'localhost' && url.protocol.startsWith('http'),
        (route) => {
          seen.push(route.request().url());
          return route.abort('internetdisconnected');
        },
      );
      await use(seen);
    },
    { auto: true },
  ],
});

export { expect };
