/**
 * Which inference servers a pane may reach: CSP-style origin sources (`http://127.0.0.1:*`,
 * `https://*.example.com`). Local servers (any port on localhost and 127.0.0.1) are allowed by default; a
 * deployer lists more at build time in TANDEM_REMOTE_ORIGINS (build/csp.ts). The Content-Security-Policy's
 * connect-src is built from the same list, so a URL this module refuses is one the browser would block.
 * Pure: used by the build (node) and by the app.
 */

export const DEFAULT_REMOTE_ORIGINS = ['http://localhost:*', 'http://127.0.0.1:*'] as const;

const SOURCE = /^(https?):\/\/((?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(\d{1,5}|\*))?$/;

/**
 * The origin sources in a deployer's list (commas or white space between them). Each must be
 * `http(s)://host[:port|:*]`, the host optionally starting with `*.`; anything else is reported as invalid
 * (the build fails on it rather than emit a policy that differs from what the app checks).
 */
export function parseOriginList(raw: string | undefined): { origins: string[]; invalid: string[] } {
  const origins: string[] = [];
  const invalid: string[] = [];
  for (const item of (raw ?? '').split(/[\s,]+/).filter(Boolean)) {
    const s = item.toLowerCase().replace(/\/+$/, '');
    const m = SOURCE.exec(s);
    const port = m?.[3];
    if (m && (port === undefined || port === '*' || Number(port) <= 65535)) origins.push(s);
    else invalid.push(item);
  }
  return { origins, invalid };
}

/** Whether `url` is covered by the source (as CSP reads it: an http source also covers https). */
export function originMatches(source: string, url: URL): boolean {
  const m = SOURCE.exec(source);
  if (!m) return false;
  const [, scheme, host = '', port] = m;
  const urlScheme = url.protocol.slice(0, -1);
  if (urlScheme !== scheme && !(scheme === 'http' && urlScheme === 'https')) return false;
  const hostOk = host.startsWith('*.') ? url.hostname.endsWith(host.slice(1)) : url.hostname === host;
  if (!hostOk) return false;
  if (port === '*') return true;
  return port === undefined
    ? url.port === ''
    : url.port === port || (url.port === '' && defaultPort(url) === port);
}

const defaultPort = (url: URL): string => (url.protocol === 'https:' ? '443' : '80');

/**
 * A host the browser treats as this machine ("potentially trustworthy"): plain http to it is allowed even
 * from an https page. Anything else over http from an https page is mixed content, which browsers block.
 */
export function isLoopbackHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(hostname) ||
    hostname === '[::1]'
  );
}
