/**
 * The up-front check of a server address typed into a pane or named by a link: a plain http(s) address, no
 * credentials in it, reachable from this page (no mixed content) and on an origin this site allows (the same
 * list the Content-Security-Policy is built from). Refused addresses come back with the reason.
 */
import { DEFAULT_REMOTE_ORIGINS, isLoopbackHost, originMatches } from './remote-origins';

/** Local servers, plus what the deployer listed in TANDEM_REMOTE_ORIGINS when this app was built. */
export const REMOTE_ORIGINS: readonly string[] = [
  ...DEFAULT_REMOTE_ORIGINS,
  ...(typeof __TANDEM_REMOTE_ORIGINS__ !== 'undefined' ? __TANDEM_REMOTE_ORIGINS__ : []),
];

export type RemoteUrlCheck = { ok: true; baseUrl: string; host: string } | { ok: false; message: string };

export function isAllowedRemoteOrigin(url: URL, origins: readonly string[] = REMOTE_ORIGINS): boolean {
  return origins.some((o) => originMatches(o, url));
}

/**
 * `raw` as the base URL of an OpenAI-compatible API (what `/chat/completions` and `/models` hang off):
 * query and fragment dropped, trailing slashes trimmed, and `/v1` added to a bare host (Ollama, vLLM,
 * llama-server and LM Studio all serve the API there).
 */
export function checkRemoteUrl(
  raw: string,
  pageHref: string,
  origins: readonly string[] = REMOTE_ORIGINS,
): RemoteUrlCheck {
  const text = raw.trim();
  if (!text) return { ok: false, message: 'Enter the server’s address, e.g. http://127.0.0.1:11434/v1.' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: 'That is not a web address (it must start with http:// or https://).' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { ok: false, message: 'The server’s address must start with http:// or https://.' };
  if (url.username || url.password)
    return {
      ok: false,
      message:
        'Leave the user name and password out of the address (it would end up in links): put a key in the API key field.',
    };
  const page = new URL(pageHref);
  if (page.protocol === 'https:' && url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return {
      ok: false,
      message: `This page is served over https, and browsers block plain http requests from it to ${url.host} (mixed content). Serve the API over https, or use a server on this machine (localhost or 127.0.0.1).`,
    };
  if (!isAllowedRemoteOrigin(url, origins))
    return {
      ok: false,
      message: `${url.origin} is not a server this site may reach. It may reach ${origins.join(', ')}; whoever deploys it can allow more origins at build time (TANDEM_REMOTE_ORIGINS).`,
    };
  const path = url.pathname.replace(/\/+$/, '');
  return { ok: true, baseUrl: `${url.origin}${path || '/v1'}`, host: url.host };
}
