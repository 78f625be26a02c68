/**
 * The production security policy, from one source: a <meta> CSP in index.html (for hosts without header
 * control), and the same headers for `vite preview` and for static hosts (`_headers`, emitted at build).
 * Workers take their CSP from their own response headers, so only the header form restricts them.
 */
import type { Plugin } from 'vite';
import { MODEL_HOSTS } from '../src/security/model-hosts.ts';

const hosts = MODEL_HOSTS.map((h) => `https://${h}`).join(' ');

const directives: [string, string][] = [
  ['default-src', "'self'"],
  // tvmjs and llama.cpp instantiate WebAssembly; no eval is needed.
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  // llama.cpp (wllama) starts its own worker from a blob: URL.
  ['worker-src', "'self' blob:"],
  ['connect-src', `'self' ${hosts}`],
  // Remote images from model output are never loaded (they are rendered as links).
  ['img-src', "'self' data: blob:"],
  ['style-src', "'self' 'unsafe-inline'"],
  ['font-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-src', "'none'"],
];

export const CSP = directives.map(([k, v]) => `${k} ${v}`).join('; ');
/** Only valid as a header (ignored in <meta>). */
export const CSP_HEADER = `${CSP}; frame-ancestors 'none'`;

export const ISOLATION_HEADERS = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
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
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
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
