/**
 * One chunk of web-llm's chat-completion stream, read in the app's terms. What web-llm 0.2.86's usage
 * figures span (lib/index.js, LLMChatPipeline and makeStreamUsageChunk):
 * - time_to_first_token_s: the prefill step, from tokenizing the prompt to the first token sampled.
 * - prefill_tokens_per_s: prompt tokens ÷ that time.
 * - decode_tokens_per_s: decode steps (every token after the first) ÷ the summed time of those steps.
 * - completion_tokens: every sampled token, the first and a closing stop token included.
 */
import type { ChatCompletionChunk } from '@mlc-ai/web-llm';
import type { ChunkReading } from '../stream';

export function readWebLlmChunk(chunk: ChatCompletionChunk): ChunkReading {
  const choice = chunk.choices[0];
  const r: ChunkReading = { text: choice?.delta.content ?? null };
  const finish = choice?.finish_reason;
  if (finish) r.finishReason = finish === 'length' || finish === 'abort' ? finish : 'stop';
  const u = chunk.usage;
  if (u) {
    const x = u.extra;
    r.stats = {
      promptTokens: u.prompt_tokens,
      completionTokens: u.completion_tokens,
      prefillTokensPerS: x.prefill_tokens_per_s ?? null,
      decodeTokensPerS: x.decode_tokens_per_s ?? null,
      timeToFirstTokenMs: x.time_to_first_token_s !== undefined ? x.time_to_first_token_s * 1000 : null,
    };
  }
  return r;
}
