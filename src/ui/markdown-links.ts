/**
 * Which links in model output may be links. Only absolute http(s) links to other sites (opened in a new
 * tab) and mailto: links are; a link into this app (relative, or absolute to this origin) could open a
 * pre-configured copy of it (`/?b=…&system=…` loads a model and overwrites the saved system prompt), so it
 * is shown as text. In-page `#` links (footnotes) stay links within the page.
 */
export type LinkTarget =
  { kind: 'external' | 'mailto'; href: string } | { kind: 'in-page'; href: string } | { kind: 'text' };

export function linkTarget(href: string | null | undefined, pageOrigin: string): LinkTarget {
  if (!href) return { kind: 'text' };
  if (href.startsWith('#')) return { kind: 'in-page', href };
  let url: URL;
  try {
    // No base: anything relative fails to parse and stays text.
    url = new URL(href);
  } catch {
    return { kind: 'text' };
  }
  if (url.protocol === 'mailto:') return { kind: 'mailto', href: url.href };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { kind: 'text' };
  if (url.origin === pageOrigin) return { kind: 'text' };
  // The parsed form, so what is followed is exactly what was judged.
  return { kind: 'external', href: url.href };
}
