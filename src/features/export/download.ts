/** Saving a Blob as a file: a Blob URL on a temporary <a download>, revoked once the click is handled. */

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started from the click; give slow browsers a moment before freeing the URL.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "tandem-session-2025-01-31T12-00-00Z.json": sortable, and safe in every file system. */
export function exportFilename(kind: string, ext: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return `tandem-${kind}-${stamp}.${ext}`;
}
