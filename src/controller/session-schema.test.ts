import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../store/settings';
import { defaultSettings, type Message, type Settings } from '../store/types';
import { readSavedSession, type SavedSession } from './session-schema';

const gguf = {
  engine: 'llamacpp' as const,
  id: 'gguf:http://127.0.0.1:4173/__fixtures__/story.gguf',
  url: 'http://127.0.0.1:4173/__fixtures__/story.gguf',
};
const turn = {
  mode: 'together' as const,
  modelId: gguf.id,
  engine: 'llamacpp',
  startedAt: 1000,
  endedAt: 1500,
  tokenTimes: [1100, 1200],
  engineStats: {
    promptTokens: 5,
    completionTokens: 2,
    prefillTokensPerS: null,
    decodeTokensPerS: 10,
    timeToFirstTokenMs: 100,
  },
};
const user: Message = { id: 'u1', role: 'user', content: 'Hi', promptId: 'p1' };
const reply: Message = { id: 'r1', role: 'assistant', content: 'Hello', status: 'stop', turn };

const valid: SavedSession = {
  panes: {
    a: { model: gguf, messages: [user, reply], draft: null },
    b: { model: { engine: 'webllm', id: 'Llama-3.2-3B-Instruct-q4f32_1-MLC' }, messages: [], draft: null },
  },
  settings: { ...defaultSettings, temperature: 0.2, overrides: { a: { seed: 7 }, b: {} } },
  blind: { on: true, model1: 'b', round: 2, hideSpeed: true },
  votes: [
    {
      round: 2,
      promptId: 'p1',
      prompt: 'Hi',
      choice: 'tie',
      at: 1600,
      model1: { pane: 'b', modelId: 'Llama-3.2-3B-Instruct-q4f32_1-MLC' },
      model2: { pane: 'a', modelId: gguf.id },
    },
  ],
};

describe('readSavedSession', () => {
  it('reads a valid session unchanged, with nothing to report', () => {
    expect(readSavedSession(structuredClone(valid))).toEqual({ session: valid, problems: [] });
  });

  it('keeps the valid pane when the other has `messages: null` (that record blanked the app)', () => {
    const raw = structuredClone(valid) as unknown as { panes: { b: { messages: unknown } } };
    raw.panes.b.messages = null;
    const { session, problems } = readSavedSession(raw);
    expect(session.panes.a).toEqual(valid.panes.a);
    expect(session.panes.b.messages).toEqual([]);
    expect(session.panes.b.model).toEqual(valid.panes.b.model);
    expect(problems).toEqual(['Pane B: the saved conversation could not be read and was left out.']);
  });

  it('keeps valid messages, drops invalid ones and counts them', () => {
    const raw = structuredClone(valid) as unknown as { panes: { a: { messages: unknown[] } } };
    raw.panes.a.messages.push(
      { id: 'x', role: 'system', content: 'not a role' },
      { id: 'y', role: 'assistant', content: 42 },
      null,
      { id: 'z', role: 'assistant', content: 'ok', status: 'weird' },
    );
    const { session, problems } = readSavedSession(raw);
    expect(session.panes.a.messages).toEqual([user, reply]);
    expect(problems).toEqual(['Pane A: 4 saved messages could not be read and were left out.']);
  });

  it('keeps a reply whose timings are broken, without them', () => {
    const raw = structuredClone(valid) as unknown as { panes: { a: { messages: { turn?: unknown }[] } } };
    const last = raw.panes.a.messages[1];
    if (last) last.turn = { ...turn, tokenTimes: [1, 'two'], startedAt: Infinity };
    const { session, problems } = readSavedSession(raw);
    expect(session.panes.a.messages[1]).toEqual({
      id: 'r1',
      role: 'assistant',
      content: 'Hello',
      status: 'stop',
    });
    expect(problems).toEqual(['Pane A: the timings of 1 saved reply could not be read and were left out.']);
  });

  it('drops a model spec that is not one, and a GGUF model without its URL', () => {
    const raw = structuredClone(valid) as unknown as { panes: Record<'a' | 'b', { model: unknown }> };
    raw.panes.a.model = { engine: 'llamacpp', id: 'gguf:x' };
    raw.panes.b.model = { engine: 'webllm', id: 'x', url: 'javascript:alert(1)' };
    const { session, problems } = readSavedSession(raw);
    expect(session.panes.a.model).toBeNull();
    expect(session.panes.b.model).toBeNull();
    expect(problems).toHaveLength(2);
  });

  it('falls back to the default for each unreadable setting, keeping the rest', () => {
    const raw = {
      ...structuredClone(valid),
      settings: {
        systemPrompt: 'Be brief.',
        temperature: 'hot',
        top_p: 3,
        max_tokens: 100000,
        seed: -1,
        mode: 'sideways',
        overrides: { a: { temperature: 0.1, top_p: null }, b: 5 },
      },
    };
    const { session, problems } = readSavedSession(raw);
    // The same limits as the settings form (store/settings.ts): out of range is brought into range.
    expect(session.settings).toEqual({
      ...defaultSettings,
      systemPrompt: 'Be brief.',
      top_p: 1,
      max_tokens: LIMITS.max_tokens.max,
      seed: 0,
      overrides: { a: { temperature: 0.1 }, b: {} },
    });
    expect(problems).toEqual([
      "Some saved settings could not be read and are back to their defaults: temperature, run mode, top p (pane A), pane B's overrides.",
      'Some saved settings were out of range and were brought into range: top p, max tokens, seed.',
    ]);
  });

  it('reads anything at all without throwing, and what it returns is well formed', () => {
    const mangled = fc.oneof(
      fc.anything(),
      fc.record({ panes: fc.anything(), settings: fc.anything() }),
      fc.record({
        panes: fc.record({
          a: fc.record({ model: fc.anything(), messages: fc.anything(), draft: fc.anything() }),
          b: fc.anything(),
        }),
        settings: fc.dictionary(
          fc.constantFrom('temperature', 'top_p', 'max_tokens', 'seed', 'mode'),
          fc.anything(),
        ),
      }),
    );
    fc.assert(
      fc.property(mangled, (raw) => {
        const { session } = readSavedSession(raw);
        for (const p of Object.values(session.panes)) {
          expect(Array.isArray(p.messages)).toBe(true);
          for (const m of p.messages) {
            expect(['user', 'assistant']).toContain(m.role);
            expect(typeof m.content).toBe('string');
            if (m.turn) expect(m.turn.tokenTimes.every(Number.isFinite)).toBe(true);
          }
          if (p.model) expect(['webllm', 'llamacpp']).toContain(p.model.engine);
        }
        const s: Settings = session.settings;
        for (const n of [s.temperature, s.top_p, s.max_tokens]) expect(Number.isFinite(n)).toBe(true);
        expect(['together', 'in-turn']).toContain(s.mode);
        expect(typeof s.systemPrompt).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('reads every valid session unchanged', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true });
    const message = fc.record(
      {
        id: fc.string({ minLength: 1 }),
        role: fc.constantFrom('user' as const, 'assistant' as const),
        content: fc.string(),
        status: fc.constantFrom(
          'stop' as const,
          'length' as const,
          'interrupted' as const,
          'context' as const,
        ),
        turn: fc
          .tuple(finite, fc.array(finite, { maxLength: 5 }))
          .map(([startedAt, tokenTimes]) => ({ ...turn, startedAt, tokenTimes })),
      },
      { requiredKeys: ['id', 'role', 'content'] },
    );
    fc.assert(
      fc.property(fc.array(message, { maxLength: 5 }), fc.string(), (messages, systemPrompt) => {
        const session: SavedSession = {
          panes: { a: { ...valid.panes.a, messages }, b: valid.panes.b },
          settings: { ...valid.settings, systemPrompt },
          blind: valid.blind,
          votes: valid.votes,
        };
        expect(readSavedSession(structuredClone(session))).toEqual({ session, problems: [] });
      }),
    );
  });
});
