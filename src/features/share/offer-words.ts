/** What a shared link's offer says: each model's cost, the settings it changes, the accept button's words. */
import { GGUF_MODELS } from '../../catalog/gguf-catalog';
import { remoteHost } from '../../engine/remote/spec';
import type { ModelSpec } from '../../engine/types';
import type { Settings } from '../../store/types';
import { formatBytes } from '../../ui/format';
import { pairModels } from '../device/pair-models';

export const LEVEL = { ok: 'likely to fit', uncertain: 'may not fit', unlikely: 'unlikely to work' } as const;

export function cost(spec: ModelSpec): string {
  const host = remoteHost(spec);
  if (host)
    return `runs on an OpenAI-compatible server: your prompts and this pane’s conversation will be sent to ${host}, once you connect`;
  const webllm = pairModels([spec])[0];
  if (webllm)
    return [
      webllm.downloadBytes !== null
        ? `download ≈ ${formatBytes(webllm.downloadBytes)}`
        : 'download size unknown',
      webllm.vramMB !== null ? `GPU memory ≈ ${formatBytes(webllm.vramMB * 1024 ** 2)} (published)` : '',
      'from web-llm’s model list',
    ]
      .filter(Boolean)
      .join(' · ');
  const url = spec.url ? new URL(spec.url) : null;
  const known = GGUF_MODELS.find((g) => g.url === spec.url);
  const size = known
    ? `download ≈ ${formatBytes(known.approxBytes)}`
    : 'download size shown once the download starts';
  return `${size} · runs on the CPU (llama.cpp) · from ${url ? url.host + url.pathname : 'an unknown place'}`;
}

const SETTING_NAMES: Record<string, string> = {
  systemPrompt: 'System prompt',
  temperature: 'Temperature',
  top_p: 'Top p',
  max_tokens: 'Max tokens',
  seed: 'Seed',
  mode: 'Run mode',
  overrides: 'Per-pane overrides',
};

const MODE_WORDS: Record<string, string> = {
  together: 'together (both at once)',
  'in-turn': 'in turn (one after the other)',
};

export function settingLines(s: Partial<Settings>): string[] {
  return Object.entries(s).map(([k, v]) => {
    const value = typeof v !== 'string' ? JSON.stringify(v) : k === 'mode' ? (MODE_WORDS[v] ?? v) : `“${v}”`;
    return `${SETTING_NAMES[k] ?? k}: ${value}`;
  });
}

/** The accept button's words: a server is named, with where prompts go, before anything is sent to it. */
export function acceptLabel(specs: ModelSpec[]): string {
  const hosts = [...new Set(specs.flatMap((s) => remoteHost(s) ?? []))];
  const local = specs.filter((s) => !remoteHost(s)).length;
  if (!hosts.length) return specs.length ? 'Load the linked models' : 'Use the linked settings';
  const connect = `Connect to ${hosts.join(' and ')} (your prompts will be sent there)`;
  return local ? `${connect} and load the linked model` : connect;
}
