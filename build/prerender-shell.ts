/**
 * Writes the first screen's shell (src/app/shell.tsx, rendered to static HTML with react-dom/server) into
 * index.html's root element, so the browser paints the title, the two panes and the prompt box as soon as
 * the HTML and the stylesheet are in, before any script has run. React replaces it with the same markup on
 * its first render, then fills it in. The shell is inert: no script, no inline style (the CSP allows none).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Plugin } from 'vite';
import { Shell } from '../src/app/shell.tsx';

const ROOT = '<div id="root"></div>';

export function prerenderShell(): Plugin {
  return {
    name: 'tandem-prerender-shell',
    transformIndexHtml(html, ctx) {
      // Other pages (the bench's harness) are left as they are.
      if (!ctx.filename.endsWith('/index.html')) return html;
      if (!html.includes(ROOT)) throw new Error(`index.html has no ${ROOT} to prerender the shell into`);
      return html.replace(ROOT, `<div id="root">${renderToStaticMarkup(createElement(Shell))}</div>`);
    },
  };
}
