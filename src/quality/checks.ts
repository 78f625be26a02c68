/**
 * The automatic checks of the presets, from the reply alone. The JSON Schema validator
 * (@cfworker/json-schema: it interprets schemas, so it runs under a CSP without 'unsafe-eval', where Ajv's
 * compiled validators cannot) and the language identifier (tinyld's light profile: 24 languages, ~34 KB
 * gzip) load on first use, never up front.
 */
import type { CheckSpec } from './presets';
import type { CheckResult } from './types';

const pass = (detail: string): CheckResult => ({ verdict: 'pass', detail });
const fail = (detail: string): CheckResult => ({ verdict: 'fail', detail });

/** Words: whitespace-separated runs that hold a letter or a digit (a lone "-" or "—" is not a word). */
export function countWords(text: string): number {
  return text.match(/\S*[\p{L}\p{N}]\S*/gu)?.length ?? 0;
}

/** Numbers written with digits (thousands commas allowed), in order. */
export function numbersIn(text: string): number[] {
  return [...text.matchAll(/-?\d[\d,]*(?:\.\d+)?/g)]
    .map((m) => Number(m[0].replace(/,/g, '')))
    .filter((n) => Number.isFinite(n));
}

export function checkLines(reply: string, count: number, prefix: string): CheckResult {
  const lines = reply
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const off = lines.filter((l) => !l.startsWith(prefix)).length;
  if (lines.length === count && off === 0) return pass(`${count} lines, each starting with "${prefix}"`);
  return fail(
    `${lines.length} non-empty line${lines.length === 1 ? '' : 's'}, ${off} not starting with "${prefix}" (asked: ${count})`,
  );
}

export function checkNumber(reply: string, expected: number): CheckResult {
  const nums = numbersIn(reply);
  if (nums.includes(expected)) return pass(`found ${expected}`);
  const last = nums.at(-1);
  return fail(
    last === undefined
      ? `no number in the reply (expected ${expected})`
      : `${expected} not found (last number: ${last})`,
  );
}

/** The JSON text of a reply: all of it, or the inside of its one fenced code block. */
export function jsonText(reply: string): { text: string; fenced: boolean } {
  const blocks = [...reply.matchAll(/```[\w-]*[ \t]*\r?\n([\s\S]*?)\r?\n?```/g)];
  const only = blocks.length === 1 ? blocks[0]?.[1] : undefined;
  return only !== undefined ? { text: only.trim(), fenced: true } : { text: reply.trim(), fenced: false };
}

export async function checkJson(reply: string, schema: Record<string, unknown>): Promise<CheckResult> {
  const { text, fenced } = jsonText(reply);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return fail(`not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const { Validator } = await import('@cfworker/json-schema');
  const result = new Validator(schema, '2020-12', false).validate(value);
  const where = fenced ? ' (from its code block)' : '';
  if (result.valid) return pass(`valid JSON${where}, matches the schema`);
  // The deepest error says what is wrong; the ones above it only say that a part did not match.
  const worst = [...result.errors].sort((a, b) => b.instanceLocation.length - a.instanceLocation.length)[0];
  const at = worst?.instanceLocation.replace(/^#/, '') || '/';
  return fail(`valid JSON${where}, but not the schema: ${at}: ${worst?.error ?? 'invalid'}`);
}

export async function checkLanguage(reply: string, lang: string, name: string): Promise<CheckResult> {
  const text = reply.replace(/```[\s\S]*?```|[`*_#>|]/g, ' ');
  if ((text.match(/\p{L}/gu)?.length ?? 0) < 8) return fail('too little text to identify its language');
  const { detect, langName, toISO3 } = await import('tinyld/light');
  const found = detect(text);
  if (!found) return fail(`language not identified (asked: ${name})`);
  const foundName = langName(toISO3(found)) || found;
  return found === lang
    ? pass(`identified as ${name} (${lang})`)
    : fail(`identified as ${foundName} (${found}), asked: ${name}`);
}

export async function checkReply(spec: CheckSpec, reply: string): Promise<CheckResult> {
  switch (spec.kind) {
    case 'none':
      return { verdict: 'none', detail: 'no automatic check (creative writing): judge it yourself' };
    case 'words': {
      const n = countWords(reply);
      const said = `${n} word${n === 1 ? '' : 's'} (limit ${spec.max})`;
      return n > 0 && n <= spec.max ? pass(said) : fail(said);
    }
    case 'lines':
      return checkLines(reply, spec.count, spec.prefix);
    case 'number':
      return checkNumber(reply, spec.expected);
    case 'language':
      return checkLanguage(reply, spec.lang, spec.name);
    case 'json':
      return checkJson(reply, spec.schema);
  }
}
