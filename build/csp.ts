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
 *   nothing in the app or its libraries writes a style attribute or a <style> element as markup. The one
 *   <style> is the first screen's stylesheet, which the build inlines and allows by its hash.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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

/** The policy's directives; `styleHashes` are the hashes of the inline <style> elements the build wrote. */
function directives(styleHashes: readonly string[]): [string, string][] {
  return [
    ['default-src', "'self'"],
    // tvmjs and llama.cpp instantiate WebAssembly; no eval is needed.
    ['script-src', "'self' 'wasm-unsafe-eval'"],
    // llama.cpp (wllama) starts its own worker from a blob: URL.
    ['worker-src', "'self' blob:"],
    // Model hosts, then the inference servers a remote pane may stream from (src/security/remote-origins.ts).
    ['connect-src', `'self' ${hosts} ${[...DEFAULT_REMOTE_ORIGINS, ...EXTRA_REMOTE_ORIGINS].join(' ')}`],
    // Remote images from model output are never loaded (they are rendered as links).
    ['img-src', "'self' data: blob:"],
    // Stylesheets from this site, and the first screen's own, inlined by the build, by its exact hash.
    ['style-src', ["'self'", ...styleHashes.map((h) => `'${h}'`)].join(' ')],
    ['font-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['form-action', "'none'"],
    ['frame-src', "'none'"],
  ];
}

/** The policy: for the document's <meta> (with Trusted Types) and as the header (with frame-ancestors). */
export function policy(styleHashes: readonly string[] = []): { document: string; header: string } {
  const csp = directives(styleHashes)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
  return {
    document: `${csp}; require-trusted-types-for 'script'; trusted-types default`,
    header: `${csp}; frame-ancestors 'none'`,
  };
}

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

/** Every header the site is served with; `styleHashes` as for policy(). */
export function securityHeaders(styleHashes: readonly string[] = []): Record<string, string> {
  return {
    ...ISOLATION_HEADERS,
    'Content-Security-Policy': policy(styleHashes).header,
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  };
}

/** The headers with no inline style allowed: for responses that are not the app's pages (fixtures). */
export const SECURITY_HEADERS = securityHeaders();

/** `_headers` (the static-host format the build writes): every path gets these headers. */
export function headersFile(headers: Record<string, string>): string {
  return `/*\n${Object.entries(headers)
    .map(([k, v]) => `  ${k}: ${v}`)
    .join('\n')}\n`;
}

/** The headers a `_headers` file gives every path (`/*`); null when there is no such file. */
export function readHeadersFile(dir: string): Record<string, string> | null {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return null;
  const out: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s+([\w-]+):\s*(.+)$/.exec(line);
    if (m?.[1] && m[2]) out[m[1]] = m[2];
  }
  return out;
}

/**
 * The first screen's stylesheet, inlined: each built page's `<link rel="stylesheet">` to a stylesheet of
 * the build becomes a `<style>` with its text, so the first paint waits for no second request (bench: first
 * contentful paint 20–30 ms sooner on this machine). Returns the page and the hashes (CSP `sha256-…`) of
 * the styles it wrote; a stylesheet the bundle does not have is left as a link.
 */
export function inlineStylesheets(
  html: string,
  cssOf: (path: string) => string | undefined,
): { html: string; hashes: string[]; inlined: string[] } {
  const hashes: string[] = [];
  const inlined: string[] = [];
  const out = html.replace(
    /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g,
    (link, path: string) => {
      const css = cssOf(path);
      // "</style" inside the text would end the element early: keep such a stylesheet as a link.
      if (css === undefined || /<\/style/i.test(css)) return link;
      hashes.push(`sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}`);
      inlined.push(path);
      // The link stays, disabled (not fetched, not applied): the app's chunks ask for this stylesheet again
      // when they load, and Vite's preloader skips a stylesheet a <link> already names; without it the
      // stylesheet would be added a second time, after the app's own, and change the cascade.
      return `<style>${css}</style><link rel="stylesheet" crossorigin href="/${path}" disabled>`;
    },
  );
  return { html: out, hashes, inlined };
}

/**
 * At build: inlines each page's stylesheets (inlineStylesheets), then writes the policy with their hashes
 * into the page (a <meta>, first in <head>, before anything it governs) and into `_headers`. The preview
 * server serves `_headers` as it is (vite.config.ts), as a static host would.
 */
export function securityPolicy(): Plugin {
  return {
    name: 'tandem-security-policy',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { name: 'referrer', content: 'no-referrer' }, injectTo: 'head-prepend' },
    ],
    generateBundle(_options, bundle) {
      const text = (name: string): string | undefined => {
        const a = bundle[name];
        return a?.type === 'asset'
          ? typeof a.source === 'string'
            ? a.source
            : Buffer.from(a.source).toString('utf8')
          : undefined;
      };
      const all = new Set<string>();
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const page = inlineStylesheets(String(text(file.fileName)), text);
        page.hashes.forEach((h) => all.add(h));
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(page.hashes).document}">`;
        file.source = page.html.replace(/<head>/i, (head) => `${head}\n    ${meta}`);
      }
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile(securityHeaders([...all])) });
    },
  };
}

/**
 * `vite preview` sends what a static host would: the built `_headers`, whose CSP carries the inline
 * style's hash (the headers with no hash before a build has written one).
 */
export function previewHeaders(): Plugin {
  return {
    name: 'tandem-preview-headers',
    configurePreviewServer(server) {
      const dir = resolve(server.config.root, server.config.build.outDir);
      const headers = readHeadersFile(dir) ?? SECURITY_HEADERS;
      server.middlewares.use((_req, res, next) => {
        for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
        next();
      });
    },
  };
}
