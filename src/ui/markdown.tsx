/**
 * Model output is untrusted text. react-markdown builds React elements (never innerHTML); raw HTML is
 * shown as the text it is (react-markdown turns `raw` nodes into text unless rehype-raw is added, and it
 * is not); unsafe URL schemes are emptied by its default urlTransform; only links that leave the app are
 * links (see markdown-links), with rel="noopener noreferrer nofollow"; images are never fetched.
 */
import { memo, useId, useState, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { linkTarget } from './markdown-links';

/** This app's origin (none outside a browser, where every absolute http(s) link is external). */
const pageOrigin = (): string => globalThis.location?.origin ?? 'null';

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="copy"
      aria-label={copied ? 'Copied' : 'Copy code'}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(true));
      }}
    >
      {copied ? 'Copied' : 'Copy'}
    </button>
  );
}

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node && typeof node === 'object' && 'props' in node)
    return textOf((node.props as { children?: ReactNode }).children);
  return '';
}

const components: Components = {
  a: ({ href, children, id, className, 'aria-describedby': describedBy, 'aria-label': label }) => {
    const t = linkTarget(href, pageOrigin());
    // Footnote references and back-references keep their ids and ARIA wiring.
    if (t.kind === 'in-page')
      return (
        <a href={t.href} id={id} className={className} aria-describedby={describedBy} aria-label={label}>
          {children}
        </a>
      );
    if (t.kind === 'text') return <span className="dead-link">{children}</span>;
    return (
      <a
        href={t.href}
        target={t.kind === 'external' ? '_blank' : undefined}
        rel="noopener noreferrer nofollow"
        referrerPolicy="no-referrer"
      >
        {children}
      </a>
    );
  },
  img: ({ src, alt }) => {
    const t = linkTarget(typeof src === 'string' ? src : undefined, pageOrigin());
    const label = `[image: ${alt || 'untitled'}]`;
    return t.kind === 'external' ? (
      <a
        href={t.href}
        target="_blank"
        rel="noopener noreferrer nofollow"
        referrerPolicy="no-referrer"
        className="image-link"
      >
        {label} {t.href}
      </a>
    ) : (
      <span>{label}</span>
    );
  },
  pre: ({ children }) => (
    <div className="code-block">
      <CopyButton text={textOf(children)} />
      <pre>{children}</pre>
    </div>
  ),
};

export const Markdown = memo(function Markdown({ text }: { text: string }) {
  // Footnote ids and their # links are prefixed per reply, so a footnote link stays in its own reply.
  const prefix = `md${useId().replace(/[^\w-]/g, '')}-`;
  return (
    <ReactMarkdown
      remarkPlugins={[remarkGfm]}
      remarkRehypeOptions={{ clobberPrefix: prefix }}
      components={components}
    >
      {text}
    </ReactMarkdown>
  );
});
