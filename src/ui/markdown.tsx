/**
 * Model output is untrusted text. react-markdown builds React elements (never innerHTML), raw HTML is
 * shown as text (no rehype-raw), unsafe URL schemes are emptied by its default urlTransform, links get
 * rel="noopener noreferrer nofollow", and images are never fetched: they become plain links.
 */
import { memo, useState, type ReactNode } from 'react';
import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

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

interface HastNode {
  type: string;
  value?: string;
  children?: HastNode[];
}

/** Raw HTML in model output is shown as the text it is, never parsed or inserted as HTML. */
function rehypeRawAsText() {
  const walk = (node: HastNode): void => {
    for (const child of node.children ?? []) {
      if (child.type === 'raw') child.type = 'text';
      else walk(child);
    }
  };
  return (tree: HastNode) => walk(tree);
}

const components: Components = {
  a: ({ href, children }) =>
    href ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer">
        {children}
      </a>
    ) : (
      <span className="dead-link">{children}</span>
    ),
  img: ({ src, alt }) =>
    typeof src === 'string' && src ? (
      <a
        href={src}
        target="_blank"
        rel="noopener noreferrer nofollow"
        referrerPolicy="no-referrer"
        className="image-link"
      >
        [image: {alt || 'untitled'}] {src}
      </a>
    ) : (
      <span>[image: {alt || 'untitled'}]</span>
    ),
  pre: ({ children }) => (
    <div className="code-block">
      <CopyButton text={textOf(children)} />
      <pre>{children}</pre>
    </div>
  ),
};

export const Markdown = memo(function Markdown({ text }: { text: string }) {
  return (
    <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeRawAsText]} components={components}>
      {text}
    </ReactMarkdown>
  );
});
