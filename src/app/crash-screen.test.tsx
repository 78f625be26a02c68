// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

interface Saved {
  record: unknown;
  cleared: number;
  files: { blob: Blob; name: string }[];
}
const saved = vi.hoisted((): Saved => ({ record: undefined, cleared: 0, files: [] }));

// IndexedDB and file downloads are the browser's; here they are recorded.
vi.mock('../controller/persist', () => ({
  loadRawSession: () => Promise.resolve(saved.record),
  clearSession: () => {
    saved.cleared++;
    saved.record = undefined;
    return Promise.resolve();
  },
}));
vi.mock('../features/export/download', async (importActual) => ({
  ...(await importActual<typeof import('../features/export/download')>()),
  downloadBlob: (blob: Blob, name: string) => saved.files.push({ blob, name }),
}));

const { AppBoundary } = await import('./crash-screen');

/** A render that fails the way a bad saved record made the app's render fail. */
function Broken(): never {
  throw new URIError('URI malformed');
}

const replace = vi.fn();

beforeEach(() => {
  saved.record = { panes: { a: { messages: [{ id: 'u', role: 'user', content: 'keep me' }] } }, big: 1n };
  saved.cleared = 0;
  saved.files = [];
  replace.mockReset();
  vi.stubGlobal('location', { pathname: '/app/', replace });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function crash(): void {
  render(
    <AppBoundary>
      <Broken />
    </AppBoundary>,
  );
}

describe('the top-level boundary', () => {
  it('explains what happened instead of a blank page', () => {
    crash();
    expect(screen.getByRole('heading', { name: 'Tandem stopped' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain(
      'saved conversations and settings are still in this browser',
    );
    expect(screen.getByText('URI malformed')).toBeTruthy();
  });

  it('downloads the saved session as JSON, read from storage', async () => {
    crash();
    fireEvent.click(screen.getByRole('button', { name: 'Download the saved session (JSON)' }));
    await vi.waitFor(() => expect(saved.files).toHaveLength(1));
    const [file] = saved.files;
    expect(file?.name).toMatch(/^tandem-saved-session-.*\.json$/);
    expect(JSON.parse((await file?.blob.text()) ?? '')).toEqual({
      panes: { a: { messages: [{ id: 'u', role: 'user', content: 'keep me' }] } },
      big: '1',
    });
    expect(saved.cleared).toBe(0);
  });

  it('discards the saved session only after downloading a copy, then reloads without the query', async () => {
    crash();
    fireEvent.click(screen.getByRole('button', { name: 'Discard the saved session and reload' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'The saved session was discarded (a copy was downloaded). Reloading…',
    );
    expect(saved.files).toHaveLength(1);
    expect(saved.cleared).toBe(1);
    await vi.waitFor(() => expect(replace).toHaveBeenCalledWith('/app/'), { timeout: 3000 });
  });

  it('says so when there is nothing saved', async () => {
    saved.record = undefined;
    crash();
    fireEvent.click(screen.getByRole('button', { name: 'Download the saved session (JSON)' }));
    expect((await screen.findByRole('status')).textContent).toBe(
      'There is no saved session in this browser.',
    );
    expect(saved.files).toHaveLength(0);
  });
});
