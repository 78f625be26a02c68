/**
 * The production security policy, from one source: a <meta> CSP in index.html (for hosts without header
 * control), and the same headers for `vite preview` and for static hosts (`_headers`, emitted at build).
 *
 * - Workers take their CSP from their own response headers, so only the header form restricts them.
 * - `frame-ancestors` (no framing, against clickjacking) works only as a header: browsers ignore it in
 *   <meta>. A host that cannot send headers cannot stop the app from being framed.
 * - Trusted Types (`require-trusted-types-for 'script'`, policy `default` in src/security/trusted-types.ts)
 *   are required in the document only, through the <meta> policy: the document is where model output is
 *   rendered. The header policy, which workers get, leaves them out, because a worker's policy is
 *   inherited by the blob: workers it starts, and llama.cpp (wllama) starts its threads with
 *   `new Worker(<blob: URL string>)` from inside its own blob: worker, where no policy of ours can run:
 *   with Trusted Types there, multi-threaded llama.cpp could not start.
 * - No `'unsafe-inline'` for styles: React sets inline styles through the CSSOM (which CSP allows), and
 *   nothing in the app or its libraries writes a style attribute or a <style> element as markup.
 */
import type { Plugin } from 'vite';
import { MODEL_HOSTS } from '../src/security/model-hosts.ts';
import { DEFAULT_REMOTE_ORIGINS, parseOriginList } from '../src/security/remote-origins.ts';

const hosts = MODEL_HOSTS.map((h) => `https://${h}`).join(' ');

/**
 * Inference servers a remote pane may reach beyond local ones: TANDEM_REMOTE_ORIGINS at build time, e.g.
 * `TANDEM_REMOTE_ORIGINS="https://llm.example.com http://10.0.0.5:8000" npm run build`. The app checks typed
 * addresses against the same list (vite.config.ts hands it over as __TANDEM_REMOTE_ORIGINS__).
 */
function remoteOrigins(): string[] {
  const { origins, invalid } = parseOriginList(process.env.TANDEM_REMOTE_ORIGINS);
  if (invalid.length)
    throw new Error(
      `TANDEM_REMOTE_ORIGINS: ${invalid.join(', ')} ${invalid.length === 1 ? 'is' : 'are'} not an origin like https://llm.example.com, http://10.0.0.5:8000 or https://*.example.com`,
    );
  return origins;
}
export const EXTRA_REMOTE_ORIGINS = remoteOrigins();

const directives: [string, string][] = [
  ['default-src', "'self'"],
  // tvmjs and llama.cpp instantiate WebAssembly; no eval is needed.
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // llama.cpp (wllama) starts its own worker from a blob: URL.
  ['worker-src', "'self' blob:"],
  // Model hosts, then the inference servers a remote pane may stream from (src/security/remote-origins.ts).
  ['connect-src', `'self' ${hosts} ${[...DEFAULT_REMOTE_ORIGINS, ...EXTRA_REMOTE_ORIGINS].join(' ')}`],
  // Remote images from model output are never loaded (they are rendered as links).
  ['img-src', "'self' data: blob:"],
  ['style-src', "'self'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
];

export const CSP = directives.map(([k, v]) => `${k} ${v}`).join('; ');
/** The document's policy (<meta>): with Trusted Types, which only the document requires. */
export const CSP_DOCUMENT = `${CSP}; require-trusted-types-for 'script'; trusted-types default`;
/** The header (page and workers): `frame-ancestors` is only valid here (ignored in <meta>). */
export const CSP_HEADER = `${CSP}; frame-ancestors 'none'`;

/**
 * Cross-origin isolation (threads and memory measurement for llama.cpp). `credentialless` rather than
 * `require-corp`: it isolates the page just as well (Chrome 96+, Firefox 119+), but a cross-origin
 * `no-cors` request still gets its (opaque) answer, sent without cookies. A remote pane needs that: when a
 * request to an inference server fails, a `no-cors` request to the same address tells "the server is there
 * but refused this page (CORS)" from "nothing answered" — under `require-corp` both fail alike.
 */
export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'credentialless',
};

export const SECURITY_HEADERS: Record<string, string> = {
  ...ISOLATION_HEADERS,
  'Content-Security-Policy': CSP_HEADER,
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export function securityPolicy(): Plugin {
  return {
    name: 'tandem-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_DOCUMENT },
        injectTo: 'head-prepend',
      },
      { tag: 'meta', attrs: { name: 'referrer', content: 'no-referrer' }, injectTo: 'head-prepend' },
    ],
    generateBundle() {
      const lines = Object.entries(SECURITY_HEADERS).map(([k, v]) => `  ${k}: ${v}`);
      this.emitFile({ type: 'asset', fileName: '_headers', source: `/*\n${lines.join('\n')}\n` });
    },
  };
}
