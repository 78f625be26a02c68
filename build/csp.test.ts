import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFile, inlineStylesheets, policy, readHeadersFile, securityHeaders } from './csp';

const sha = (s: string): string => `sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}`;

describe('inlined first-screen stylesheet', () => {
  const css = ':root{--x:1}.pane{color:red}';
  const page = `<head><script type="module" crossorigin src="/assets/index-a.js"></script>
<link rel="stylesheet" crossorigin href="/assets/index-b.css">
<link rel="stylesheet" href="https://example.com/x.css"></head>`;

  it('replaces the link with the stylesheet’s text and returns its exact hash', () => {
    const out = inlineStylesheets(page, (p) => (p === 'assets/index-b.css' ? css : undefined));
    expect(out.html).toContain(`<style>${css}</style>`);
    // Named once more by a disabled link (never fetched): Vite's preloader then does not add it again.
    expect(out.html).toContain('<link rel="stylesheet" crossorigin href="/assets/index-b.css" disabled>');
    expect(out.html).not.toMatch(/href="\/assets\/index-b\.css">/);
    // A stylesheet the build does not have stays a link (and the CSP's 'self' decides about it).
    expect(out.html).toContain('https://example.com/x.css');
    expect(out.hashes).toEqual([sha(css)]);
    expect(out.inlined).toEqual(['assets/index-b.css']);
  });

  it('keeps a stylesheet that could end the element early as a link', () => {
    const out = inlineStylesheets(page, () => 'a::after{content:"</style><script>"}');
    expect(out.html).toContain('href="/assets/index-b.css"');
    expect(out.hashes).toEqual([]);
  });

  it('allows exactly those hashes, and never any inline style', () => {
    const p = policy([sha(css)]);
    for (const v of [p.document, p.header]) {
      expect(v).toContain(`style-src 'self' '${sha(css)}';`);
      expect(v).not.toContain('unsafe-inline');
    }
    expect(policy().header).toContain("style-src 'self';");
    expect(p.header).toContain("frame-ancestors 'none'");
    expect(p.document).toContain("require-trusted-types-for 'script'");
  });

  it('writes _headers that read back as the same headers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tandem-headers-'));
    const headers = securityHeaders([sha(css)]);
    writeFileSync(join(dir, '_headers'), headersFile(headers));
    expect(readHeadersFile(dir)).toEqual(headers);
    expect(readHeadersFile(join(dir, 'missing'))).toBeNull();
  });
});
