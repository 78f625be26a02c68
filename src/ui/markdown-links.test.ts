import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkTarget } from './markdown-links';

const ORIGIN = 'http://127.0.0.1:4173';

describe('linkTarget', () => {
  it('keeps external http(s) and mailto links', () => {
    expect(linkTarget('https://example.org/page', ORIGIN)).toEqual({
      kind: 'external',
      href: 'https://example.org/page',
    });
    expect(linkTarget('mailto:a@example.org', ORIGIN)).toEqual({
      kind: 'mailto',
      href: 'mailto:a@example.org',
    });
  });

  it('turns links into this app into text: relative, root-relative, protocol-relative and same-origin', () => {
    for (const href of [
      '/?b=x.gguf&system=pwned',
      '?a=1',
      'page.html',
      './x',
      '../x',
      '//127.0.0.1:4173/?b=1',
      'http://127.0.0.1:4173/?b=x&system=y',
      '\thttp://127.0.0.1:4173/',
      'HTTP://127.0.0.1:4173/',
    ])
      expect(linkTarget(href, ORIGIN), href).toEqual({ kind: 'text' });
  });

  it('keeps in-page links in the page (footnotes)', () => {
    expect(linkTarget('#user-content-fn-1', ORIGIN)).toEqual({ kind: 'in-page', href: '#user-content-fn-1' });
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'blob:http://127.0.0.1:4173/x',
    'file:///etc',
  ])('refuses %s', (href) => expect(linkTarget(href, ORIGIN)).toEqual({ kind: 'text' }));

  it('for any string, a link that leaves the page is an absolute http(s) URL elsewhere, or mailto:', () => {
    const hrefs = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.webPath().map((p) => `${ORIGIN}${p}`),
      fc.webPath(),
      fc.constantFrom('//', '/\\', '\\\\', 'https:', 'http:/', 'HtTpS://'),
    );
    fc.assert(
      fc.property(hrefs, fc.string({ maxLength: 30 }), (a, b) => {
        const t = linkTarget(a + b, ORIGIN);
        if (t.kind === 'external') {
          const u = new URL(t.href);
          expect(['http:', 'https:']).toContain(u.protocol);
          expect(u.origin).not.toBe(ORIGIN);
        } else if (t.kind === 'mailto') expect(t.href.startsWith('mailto:')).toBe(true);
        else if (t.kind === 'in-page') expect(t.href.startsWith('#')).toBe(true);
      }),
    );
  });
});
