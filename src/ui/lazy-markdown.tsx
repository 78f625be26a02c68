/**
 * The Markdown renderer (react-markdown + remark-gfm, ~45 KB gzip) is not needed for first paint: it is
 * fetched after start-up, and until it arrives a finished reply shows as the plain text it is.
 */
import { lazy, Suspense } from 'react';
import { loadMarkdown } from './markdown-loader';

const Markdown = lazy(() => loadMarkdown().then((m) => ({ default: m.Markdown })));

export function LazyMarkdown({ text }: { text: string }) {
  return (
    <Suspense fallback={<p className="live">{text}</p>}>
      <Markdown text={text} />
    </Suspense>
  );
}
