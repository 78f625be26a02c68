import type { IndexHtmlTransformContext } from 'vite';
import { describe, expect, it } from 'vitest';
import { prerenderShell } from './prerender-shell';

const page = (filename: string, html: string): string => {
  const hook = prerenderShell().transformIndexHtml;
  if (typeof hook !== 'function') throw new Error('transformIndexHtml is not a plain function');
  const ctx: IndexHtmlTransformContext = { filename, path: '/' };
  const out: unknown = hook.call({} as never, html, ctx);
  if (typeof out !== 'string') throw new Error('expected the page back as a string');
  return out;
};

describe('prerenderShell', () => {
  const html = page(
    '/repo/index.html',
    '<body><div id="root"></div><script type="module" src="/x"></script></body>',
  );
  const root = /<div id="root">(.*)<\/div><script/.exec(html)?.[1] ?? '';

  it('writes the first screen into the root: title, both panes, the prompt box', () => {
    expect(root).toContain('<h1>Tandem</h1>');
    expect(root).toContain('aria-label="Pane A"');
    expect(root).toContain('aria-label="Pane B"');
    expect(root).toMatch(/<label[^>]*for="prompt"[^>]*>Prompt \(sent to both panes\)<\/label>/);
    expect(root).toMatch(/<textarea id="prompt"[^>]*readOnly/);
  });

  it('adds nothing the CSP would refuse or that could run: no script, no inline style, no handler', () => {
    expect(root).not.toMatch(/<script|style=|\son[a-z]+=/i);
  });

  it('leaves other pages alone and refuses an index.html without its root', () => {
    expect(page('/repo/bench/harness.html', '<body></body>')).toBe('<body></body>');
    expect(() => page('/repo/index.html', '<body><main id="app"></main></body>')).toThrow(
      /no <div id="root">/,
    );
  });
});
