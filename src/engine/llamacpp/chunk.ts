/**
 * One chunk of wllama's chat-completion stream (llama.cpp's server, compiled to WebAssembly), read in the
 * app's terms. What llama.cpp's timings span (tools/server, server_slot::get_timings):
 * - prompt_ms: from the slot starting to process the prompt (template applied, text tokenized) to the
 *   first token sampled; prompt_n counts the prompt tokens processed (cached ones excluded).
 * - predicted_ms: from the first token sampled to the last one; predicted_n counts every sampled token,
 *   the first and a closing end-of-turn token included, so predicted_per_second (n ÷ predicted_ms) counts
 *   one token more than the steps its span holds (the build wllama 3.13 ships divides by n − 1 already;
 *   src/metrics/figures.ts computes (n − 1) ÷ predicted_ms itself either way).
 * The stream has no usage chunk: the counts come from the timings on the last chunk.
 */
import type { ChatCompletionChunk } from '@wllama/wllama';
import type { ChunkReading } from '../stream';

export function readLlamaCppChunk(chunk: ChatCompletionChunk): ChunkReading {
  const choice = chunk.choices[0];
  const r: ChunkReading = { text: choice?.delta.content ?? null };
  const finish = choice?.finish_reason;
  if (finish) r.finishReason = finish === 'length' ? 'length' : 'stop';
  const stats: ChunkReading['stats'] = {};
  const t = chunk.timings;
  if (t) {
    stats.promptTokens = t.prompt_n;
    stats.completionTokens = t.predicted_n;
    stats.prefillTokensPerS = t.prompt_per_second;
    stats.decodeTokensPerS = t.predicted_per_second;
    stats.timeToFirstTokenMs = t.prompt_ms;
    stats.decodeMs = t.predicted_ms;
  }
  if (Object.keys(stats).length) r.stats = stats;
  return r;
}
