/**
 * Where model files may come from. The production Content-Security-Policy's connect-src is built from
 * this list, and URLs typed into the app are checked against it, so a user is told up front instead of
 * meeting a blocked request.
 */
export const MODEL_HOSTS = [
  'huggingface.co',
  '*.huggingface.co',
  '*.hf.co',
  'raw.githubusercontent.com',
] as const;

export function isAllowedModelUrl(url: URL, pageOrigin: string): boolean {
  if (url.origin === pageOrigin) return true;
  if (url.protocol !== 'https:') return false;
  return MODEL_HOSTS.some((h) =>
    h.startsWith('*.') ? url.hostname.endsWith(h.slice(1)) : url.hostname === h,
  );
}
