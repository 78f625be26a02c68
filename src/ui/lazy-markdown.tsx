/**
 * A finished reply as the reader sees it. The guard (markdown-guard) decides how much of it the Markdown
 * renderer may parse; the rest is shown as plain text, with the reason. The renderer (react-markdown +
 * remark-gfm, ~45 KB gzip) is fetched after start-up; until it arrives the reply shows as plain text. If
 * rendering fails all the same, this reply alone falls back to plain text: nothing else on the page goes.
 */
import { lazy, Suspense, useMemo } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { planMarkdown } from './markdown-guard';
import { loadMarkdown } from './markdown-loader';

const Markdown = lazy(() => loadMarkdown().then((m) => ({ default: m.Markdown })));

function Plain({ text, note }: { text: string; note: string }) {
  return (
    <>
      <p className="msg-status" role="note">
        ({note})
      </p>
      <p className="live">{text}</p>
    </>
  );
}

export function LazyMarkdown({ text }: { text: string }) {
  const plan = useMemo(() => planMarkdown(text), [text]);
  const failed = <Plain text={text} note="This reply could not be formatted; it is shown as plain text" />;
  return (
    <ErrorBoundary fallback={failed} resetKeys={[text]}>
      {plan.markdown && (
        <Suspense fallback={<p className="live">{plan.markdown}</p>}>
          <Markdown text={plan.markdown} />
        </Suspense>
      )}
      {plan.reason && (
        <Plain
          text={plan.plain}
          note={`${plan.markdown ? 'The rest is shown' : 'Shown'} as plain text: this reply ${plan.reason}`}
        />
      )}
    </ErrorBoundary>
  );
}
