/**
 * Trusted Types. The page's policy (build/csp.ts) sets `require-trusted-types-for 'script'`, so a plain
 * string reaches no script sink (innerHTML, script src, Worker URLs, …) unless a policy lets it through.
 * This is the one policy, `default`, installed before any other module runs (main.tsx imports it first).
 * It lets through exactly what the app's own code and libraries need and nothing else:
 * - script URLs of this origin: the engine worker (and any blob: URL this origin made);
 * - HTML that is a single named character reference (`&copy;`): micromark decodes entities that way
 *   (decode-named-character-reference assigns it to a detached element's innerHTML).
 * Everything else (other origins, data: URLs, markup, script text) is refused, and reported.
 */

interface TrustedTypesFactory {
  createPolicy(
    name: string,
    rules: {
      createScriptURL?: (input: string) => string | null;
      createHTML?: (input: string) => string | null;
    },
  ): unknown;
}

export function allowScriptUrl(input: string, pageHref: string): string | null {
  try {
    return new URL(input, pageHref).origin === new URL(pageHref).origin ? input : null;
  } catch {
    return null;
  }
}

const CHARACTER_REFERENCE = /^&[A-Za-z][A-Za-z0-9]{0,31};$/;

export function allowHtml(input: string): string | null {
  return CHARACTER_REFERENCE.test(input) ? input : null;
}

const factory = (globalThis as { trustedTypes?: TrustedTypesFactory }).trustedTypes;
factory?.createPolicy('default', {
  createScriptURL: (input) => allowScriptUrl(input, globalThis.location.href),
  createHTML: allowHtml,
});
