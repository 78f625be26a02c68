// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

const renderer = vi.hoisted(() => ({ fail: false }));

// The real renderer, except that a test can make it throw (as the parser did on deep nesting).
vi.mock('./markdown-loader', async () => {
  const real = await vi.importActual<typeof import('./markdown')>('./markdown');
  return {
    loadMarkdown: () =>
      Promise.resolve({
        Markdown: (props: { text: string }) => {
          if (renderer.fail) throw new RangeError('Maximum call stack size exceeded');
          return <real.Markdown {...props} />;
        },
      }),
  };
});

const { LazyMarkdown } = await import('./lazy-markdown');

afterEach(() => {
  cleanup();
  renderer.fail = false;
});

describe('LazyMarkdown', () => {
  it('renders an ordinary reply as Markdown', async () => {
    render(<LazyMarkdown text={'# Title\n\nSome **bold** text.'} />);
    expect(await screen.findByRole('heading', { name: 'Title' })).toBeTruthy();
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('shows a reply the parser cannot take as plain text, with the reason, all of it', async () => {
    const text = 'Intro.\n\n' + '> '.repeat(1500) + 'deep';
    render(<LazyMarkdown text={text} />);
    expect((await screen.findByRole('note')).textContent).toBe(
      '(The rest is shown as plain text: this reply nests quotes or lists more than 32 levels deep)',
    );
    expect(screen.getByText('Intro.')).toBeTruthy();
    expect(screen.getByText(/^(> ){1500}deep$/)).toBeTruthy();
  });

  it('falls back to this reply as plain text when rendering throws, and the rest of the page stays', async () => {
    renderer.fail = true;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <div>
        <LazyMarkdown text={'A **reply** that fails.'} />
        <p>Other pane</p>
      </div>,
    );
    expect((await screen.findByRole('note')).textContent).toContain('could not be formatted');
    expect(screen.getByText('A **reply** that fails.')).toBeTruthy();
    expect(screen.getByText('Other pane')).toBeTruthy();
  });
});
