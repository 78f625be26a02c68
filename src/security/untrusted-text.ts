/**
 * Text that came from outside (a URL, a saved record, model metadata) is made safe to show: decoding never
 * throws, and nothing invisible can reorder or hide what the reader sees.
 */

/**
 * `decodeURIComponent` that never throws: a malformed escape (`%E0%A4`, a lone `%`) is kept as written,
 * while every well-formed escape around it is still decoded.
 */
export function safeDecodeURIComponent(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    // Decode each run of escapes on its own; a run that is not valid UTF-8 stays as written.
    return s.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * Control characters (C0, C1), format characters (bidi overrides and isolates, zero-width characters,
 * soft hyphen, BOM) and line/paragraph separators: removed from anything shown as a name, so text
 * cannot run right-to-left over what follows it or hide part of itself.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/**
 * Made on first use, not when the module loads: creating a grapheme segmenter loads ICU's break rules
 * (~40 ms cold), which would lengthen the app's start-up task; most labels are short and never need it.
 */
let segmenter: Intl.Segmenter | null = null;
const graphemes = (): Intl.Segmenter =>
  (segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' }));

/** The characters a reader sees (grapheme clusters). */
export function visibleLength(s: string): number {
  return Array.from(graphemes().segment(s)).length;
}

/** Shortens to at most `max` visible characters, with an ellipsis where it was cut. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  const kept: string[] = [];
  for (const { segment } of graphemes().segment(s)) {
    if (kept.length === max) return `${kept.slice(0, max - 1).join('')}…`;
    kept.push(segment);
  }
  return s;
}

/** A decoded, visible-only, bounded piece of a URL, for showing as (part of) a name. */
export function displayPart(raw: string, max = 80): string {
  return truncate(stripInvisible(safeDecodeURIComponent(raw)).trim(), max);
}
