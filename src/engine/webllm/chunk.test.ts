import type { ChatCompletionChunk } from '@mlc-ai/web-llm';
import { describe, expect, it } from 'vitest';
import { emptyStats } from '../types';
import { turnFigures } from '../../metrics/figures';
import { readWebLlmChunk } from './chunk';

/**
 * Chunks in the shape web-llm 0.2.86 streams them (lib/index.js: makeStreamDeltaChunk,
 * makeStreamFinalChunk, makeStreamUsageChunk). Not recorded: no web-llm model can run here (no model
 * library can be built and SwiftShader has no real GPU), so they are written from that code, with figures
 * a real run gives the same relations between: 12 text tokens and a stop token, 13 completion tokens.
 */
const base = {
  id: 'chatcmpl-1',
  created: 1,
  model: 'Llama-3.2-3B-Instruct-q4f16_1-MLC',
  object: 'chat.completion.chunk',
} as const;
const delta = (content: string): ChatCompletionChunk => ({
  ...base,
  choices: [{ index: 0, delta: { content, role: 'assistant' }, finish_reason: null, logprobs: null }],
});
const final: ChatCompletionChunk = { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] };
const usage: ChatCompletionChunk = {
  ...base,
  choices: [],
  usage: {
    prompt_tokens: 40,
    completion_tokens: 13,
    total_tokens: 53,
    extra: {
      e2e_latency_s: 0.9,
      prefill_tokens_per_s: 400,
      decode_tokens_per_s: 20,
      time_to_first_token_s: 0.1,
      time_per_output_token_s: 0.05,
    },
  },
};

describe('readWebLlmChunk', () => {
  it('reads text, the finish reason and the usage figures', () => {
    expect(readWebLlmChunk(delta('Hi'))).toEqual({ text: 'Hi' });
    expect(readWebLlmChunk(final)).toMatchObject({ finishReason: 'stop' });
    expect(
      readWebLlmChunk({ ...final, choices: [{ index: 0, delta: {}, finish_reason: 'abort' }] }),
    ).toMatchObject({
      finishReason: 'abort',
    });
    expect(readWebLlmChunk(usage).stats).toEqual({
      promptTokens: 40,
      completionTokens: 13,
      prefillTokensPerS: 400,
      decodeTokensPerS: 20,
      timeToFirstTokenMs: 100,
    });
  });

  it('a whole reply: figures compared like with like (decode steps, text tokens)', () => {
    const stats = { ...emptyStats };
    const tokenTimes: number[] = [];
    const chunks = [...Array.from({ length: 12 }, (_, i) => delta(`w${i}`)), final, usage];
    // First text 105 ms after the hand-over, then one every 50 ms (20 tok/s, as web-llm says).
    chunks.forEach((c, i) => {
      const r = readWebLlmChunk(c);
      if (r.text) tokenTimes.push(1105 + i * 50);
      Object.assign(stats, r.stats);
    });
    const f = turnFigures({
      startedAt: 1000,
      endedAt: 1800,
      tokenTimes,
      engineStats: stats,
      marks: { handedAt: 1000, promptStartedAt: null, promptDoneAt: null },
      status: 'stop',
    });
    expect(f.checks.tokens).toMatchObject({ ours: 12, theirs: 12, disagrees: false });
    expect(f.checks.decode).toMatchObject({ ours: 20, theirs: 20, disagrees: false });
    expect(f.checks.prompt).toMatchObject({ ours: 105, theirs: 100, within: true, disagrees: false });
  });
});
