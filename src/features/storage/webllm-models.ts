/**
 * The web-llm models this browser keeps, for the storage panel: what `webllm-cache/storage.ts` reads from
 * web-llm's caches, grouped by model (webllm-groups.ts) and judged (health.ts).
 */
import { decodeManifest } from '../../webllm-cache/manifest';
import { readWebLlmCaches } from '../../webllm-cache/storage';
import { manifestUrl } from '../../webllm-cache/urls';
import { assessWebLlm, type Health } from './health';
import { groupWebLlmEntries, type KnownModel, type WebLlmGroup } from './webllm-groups';

export interface WebLlmModel extends WebLlmGroup {
  size: number;
  health: Health;
  parts: string;
}

export async function readWebLlmModels(known: KnownModel[]): Promise<WebLlmModel[]> {
  const { entries, texts, problems } = await readWebLlmCaches();
  return groupWebLlmEntries(entries, known).map((g) => {
    const text = g.base === null ? undefined : texts.get(manifestUrl(g.base));
    const manifest = text === undefined ? null : decodeManifest(text);
    const size = g.entries.reduce((n, e) => n + e.size, 0);
    return { ...g, size, ...assessWebLlm(g, { manifest, damaged: problems }) };
  });
}
