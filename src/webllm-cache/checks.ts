/**
 * What a cached file's body must look like, beyond its size: what a repeated load failure usually turns out
 * to be (an HTML error page stored in place of a JSON file or a model library). Pure.
 */
import { CHAT_CONFIG_FILE, TOKENIZER_FILES } from './names';
import { fileName } from './urls';

/** A WebAssembly module starts with `\0asm`; an HTML error page stored in its place does not. */
export function wasmProblem(url: string, head: Uint8Array): string | null {
  const ok = head.length >= 4 && head[0] === 0 && head[1] === 0x61 && head[2] === 0x73 && head[3] === 0x6d;
  return ok ? null : `${fileName(url)} is not a WebAssembly file`;
}

function jsonObject(text: string): Record<string, unknown> | null | 'invalid' {
  try {
    const json: unknown = JSON.parse(text);
    return typeof json === 'object' && json !== null && !Array.isArray(json)
      ? (json as Record<string, unknown>)
      : null;
  } catch {
    return 'invalid';
  }
}

/** A JSON file that must hold an object (the chat config, `tokenizer.json`). */
export function jsonProblem(name: string, text: string): string | null {
  const j = jsonObject(text);
  if (j === 'invalid') return `${name} is not valid JSON`;
  return j === null ? `${name} is not a JSON object` : null;
}

export function configProblem(text: string): string | null {
  return jsonProblem(CHAT_CONFIG_FILE, text);
}

/**
 * The tokenizer file web-llm will read for this chat config: `tokenizer.json` when the config lists it,
 * else `tokenizer.model`; null when the config lists neither or cannot be read.
 */
export function tokenizerFileOf(configText: string): string | null {
  const j = jsonObject(configText);
  if (j === null || j === 'invalid' || !Array.isArray(j.tokenizer_files)) return null;
  const listed = j.tokenizer_files as unknown[];
  return TOKENIZER_FILES.find((f) => listed.includes(f)) ?? null;
}
