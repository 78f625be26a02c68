import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from './markdown';
import { planMarkdown } from './markdown-guard';

const html = (text: string): string => renderToStaticMarkup(createElement(Markdown, { text }));

describe('Markdown', () => {
  it('shows raw HTML as text, without a raw-HTML plugin', () => {
    const out = html('a <img src=x onerror="alert(1)"> b\n\n<script>alert(2)</script>\n\n<div>block</div>');
    expect(out).not.toMatch(/<img|<script|<div/);
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(out).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('makes only links that leave the app links; links into it are text', () => {
    const out = html(
      '[home](/?b=x.gguf&system=pwned) [rel](page.html) [ext](https://example.org/p) [m](mailto:a@b.org)',
    );
    expect(out).toContain('<span class="dead-link">home</span>');
    expect(out).toContain('<span class="dead-link">rel</span>');
    expect(out).not.toContain('system=pwned');
    expect(out).toMatch(
      /<a href="https:\/\/example.org\/p" target="_blank" rel="noopener noreferrer nofollow"/,
    );
    expect(out).toMatch(/<a href="mailto:a@b.org" rel="noopener noreferrer nofollow"/);
    expect(out).not.toMatch(/mailto:[^>]*target/);
  });

  it('keeps footnote links in the page: no new tab, ids unique to the reply', () => {
    const out = html('Claim.[^1]\n\n[^1]: Source.');
    const targets = [...out.matchAll(/href="#([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(targets).toHaveLength(2);
    expect(out).not.toContain('target="_blank"');
    // Each link's target is in the same reply, under a per-reply prefix.
    for (const t of targets) {
      expect(out).toContain(`id="${t}"`);
      expect(t).not.toMatch(/^user-content-/);
    }
  });

  it('never fetches an image: a remote one becomes a link, a relative one text', () => {
    const out = html('![leak](http://127.0.0.1:9/leak?q=1) ![local](/x.png)');
    expect(out).not.toContain('<img');
    expect(out).toContain('[image: leak] http://127.0.0.1:9/leak?q=1');
    expect(out).toContain('<span>[image: local]</span>');
  });
});

describe('Markdown behind the guard', () => {
  it('keeps ~3 KB of nested list markers (the parser overflows its stack on them) from the parser', () => {
    const text = '- '.repeat(1500) + 'deep';
    expect(() => html(planMarkdown(text).markdown)).not.toThrow();
  });

  it('renders whatever part the guard passes, for deeply nested and marker-heavy input', () => {
    const marker = fc.constantFrom('> ', '- ', '* ', '1. ', '  ', '>', '[', '*', '_', '|', ' a ');
    const line = fc.array(marker, { maxLength: 2000 }).map((m) => m.join('') + 'x');
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), (lines) => {
        const { markdown } = planMarkdown(lines.join('\n'));
        expect(() => html(markdown)).not.toThrow();
      }),
      { numRuns: 60 },
    );
  });

  it('renders the worst it lets through in bounded time (unguarded, 40 KB of `*_` took ~30 s)', () => {
    const text = '*_'.repeat(10_000) + 'x' + '_*'.repeat(10_000);
    const bracketParagraphs = `${'['.repeat(166)}a${'](b)'.repeat(166)}\n\n`.repeat(40);
    for (const input of [text, bracketParagraphs]) {
      const t = performance.now();
      html(planMarkdown(input).markdown);
      expect(performance.now() - t).toBeLessThan(8000);
    }
  });
});
