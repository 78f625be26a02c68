/**
 * The suite's `test`: every request that would leave this machine is answered with a network failure
 * before it is sent (no DNS lookup, no traffic), and recorded so a test can assert on it.
 */
import { test as base, expect } from '@playwright/test';

export const test = base.extend<{ offsite: string[] }>({
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
