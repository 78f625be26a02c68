/**
 * The hashes Hugging Face publishes per file, and checking bytes against them (WebCrypto, off the main
 * thread's JavaScript): SHA-256 of the content for files in Git LFS (every weight shard), and the Git blob
 * SHA-1 — SHA-1 of `blob <size>\0` + content — for small files kept in Git itself (configs, manifest).
 */

export type Digest = { algorithm: 'sha256'; hex: string } | { algorithm: 'git-sha1'; hex: string };

function hex(buf: ArrayBuffer): string {
  return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', bytes));
}

export async function gitBlobSha1Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const head = new TextEncoder().encode(`blob ${bytes.byteLength}\0`);
  const all = new Uint8Array(head.byteLength + bytes.byteLength);
  all.set(head);
  all.set(bytes, head.byteLength);
  return hex(await crypto.subtle.digest('SHA-1', all));
}

/** How a check is described to the user, e.g. "SHA-256". */
export const DIGEST_LABEL: Record<Digest['algorithm'], string> = {
  sha256: 'SHA-256',
  'git-sha1': 'Git SHA-1',
};

/** Null when the bytes match; else what was found, in words. */
export async function digestProblem(
  name: string,
  bytes: Uint8Array<ArrayBuffer>,
  want: Digest,
): Promise<string | null> {
  const got = want.algorithm === 'sha256' ? await sha256Hex(bytes) : await gitBlobSha1Hex(bytes);
  if (got === want.hex.toLowerCase()) return null;
  return `${name}: ${DIGEST_LABEL[want.algorithm]} is ${got.slice(0, 12)}…, Hugging Face publishes ${want.hex.slice(0, 12)}…`;
}
