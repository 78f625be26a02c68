/** The MMLU runner against a scripted fake engine client (no worker, no network, no IndexedDB). */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerateOutcome } from '../engine/client';
import { emptyStats, type ChatMessage, type Sampling, type TokenEvent } from '../engine/types';
import type { McQuestion, RunConfig } from '../quality/types';
import { initialQuality } from '../store/quality-slice';
import { useStore } from '../store/store';
import { emptyPane, type PaneId } from '../store/types';

interface Call {
  pane: PaneId;
  messages: ChatMessage[];
  sampling: Sampling;
}
const calls: Call[] = [];
/** What each pane's engine does with a prompt: a reply, an error, or wait to be interrupted. */
/** 'hang' waits to be interrupted. */
const behaviour: Record<PaneId, (prompt: string) => string | Error> = {
  a: () => 'The answer is (B)',
  b: () => 'A',
};
const hung: (() => void)[] = [];

function fakeClient(pane: PaneId) {
  return {
    generate: async (
      messages: ChatMessage[],
      sampling: Sampling,
      onTokens: (t: TokenEvent[]) => void,
    ): Promise<GenerateOutcome> => {
      calls.push({ pane, messages, sampling });
      const what = behaviour[pane](messages[0]?.content ?? '');
      if (what instanceof Error) throw what;
      if (what === 'hang') {
        await new Promise<void>((resolve) => hung.push(resolve));
        return { finishReason: 'abort', stats: emptyStats, startedAt: 1, endedAt: 2 };
      }
      await Promise.resolve();
      onTokens([{ text: what, t: 1010 }]);
      return { finishReason: 'stop', stats: emptyStats, startedAt: 1000, endedAt: 1020 };
    },
    interrupt: () => {
      for (const r of hung.splice(0)) r();
      return Promise.resolve();
    },
  };
}

vi.mock('./engines', () => ({ existingClient: (pane: PaneId) => fakeClient(pane) }));
vi.mock('./quality-persist', () => ({ saveRun: () => Promise.resolve() }));
const q = (i: number, answer: number, subject = 'virology'): McQuestion => ({
  config: 'all',
  split: 'test',
  rowIdx: i,
  subject,
  question: `Question ${i}?`,
  choices: ['a', 'b', 'c', 'd'],
  answer,
});
const QUESTIONS = [q(0, 1), q(1, 0), q(2, 1, 'anatomy'), q(3, 2)];
vi.mock('./mmlu-sample', () => ({
  drawSample: () => Promise.resolve({ questions: QUESTIONS, skipped: [], shots: {} }),
}));

const { resumeRun, startRun, stopRun } = await import('./quality');

const config: RunConfig = { source: 'all', count: 4, seed: 1, shots: 0, maxTokens: 10 };
const ready = (id: PaneId, model = `model-${id}`): void =>
  useStore.getState().patchPane(id, { status: 'ready', model: { engine: 'llamacpp', id: model } });

beforeEach(() => {
  calls.length = 0;
  behaviour.a = () => 'The answer is (B)';
  behaviour.b = () => 'A';
  useStore.setState({ panes: { a: emptyPane(), b: emptyPane() }, quality: initialQuality });
  ready('a');
  ready('b');
});

describe('the MMLU runner', () => {
  it('asks each question of one pane after the other, fresh and greedy, and scores the letters', async () => {
    await startRun(config);
    expect(calls.map((c) => c.pane)).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    for (const c of calls) {
      expect(c.messages).toHaveLength(1);
      expect(c.messages[0]?.content).toMatch(/^The following are multiple choice questions/);
      expect(c.sampling).toMatchObject({ temperature: 0, max_tokens: 10 });
    }
    const run = useStore.getState().quality.run;
    expect(run?.finished).toBe(true);
    expect(run?.answers.a.map((x) => x?.correct)).toEqual([true, false, true, false]);
    expect(run?.answers.b.map((x) => x?.letter)).toEqual(['A', 'A', 'A', 'A']);
    expect(run?.answers.a[0]?.turn).toMatchObject({
      mode: 'in-turn',
      modelId: 'model-a',
      tokenTimes: [1010],
    });
    expect(useStore.getState().panes.a.status).toBe('ready');
    expect(useStore.getState().quality.phase).toBe('idle');
  });

  it('holds the panes while it runs: no chat turn can start', async () => {
    behaviour.b = () => 'hang';
    const done = startRun(config);
    await vi.waitFor(() => expect(calls.some((c) => c.pane === 'b')).toBe(true));
    expect(useStore.getState().panes.a.status).toBe('generating');
    expect(useStore.getState().panes.b.status).toBe('generating');
    stopRun();
    await done;
    expect(useStore.getState().panes.a.status).toBe('ready');
  });

  it('a failed question fails alone; the run goes on, and Resume asks it again', async () => {
    behaviour.a = (p) => (p.includes('Question 1?') ? new Error('prompt too long') : 'B');
    await startRun(config);
    const run = useStore.getState().quality.run;
    expect(run?.answers.a[1]).toMatchObject({ error: 'prompt too long', correct: false });
    expect(run?.answers.a[3]?.letter).toBe('B');
    expect(run?.finished).toBe(true);
    behaviour.a = () => 'A';
    calls.length = 0;
    await resumeRun();
    expect(calls.map((c) => c.pane)).toEqual(['a']);
    expect(useStore.getState().quality.run?.answers.a[1]).toMatchObject({ letter: 'A', correct: true });
  });

  it('stops mid-question, keeps the answers so far, and Resume finishes the rest in order', async () => {
    behaviour.b = (p) => (p.includes('Question 2?') ? 'hang' : 'A');
    const done = startRun(config);
    await vi.waitFor(() => expect(hung).toHaveLength(1));
    stopRun();
    await done;
    let run = useStore.getState().quality.run;
    expect(run?.finished).toBe(false);
    expect(run?.answers.a.map(Boolean)).toEqual([true, true, true, false]);
    expect(run?.answers.b.map(Boolean)).toEqual([true, true, false, false]);
    behaviour.b = () => 'A';
    calls.length = 0;
    await resumeRun();
    expect(
      calls.map((c) => `${c.pane}${/Question (\d)/.exec(c.messages[0]?.content ?? '')?.[1] ?? ''}`),
    ).toEqual(['b2', 'a3', 'b3']);
    run = useStore.getState().quality.run;
    expect(run?.finished).toBe(true);
  });

  it('does not start while a chat reply is being generated, and does not resume with another model', async () => {
    useStore.getState().patchPane('b', { status: 'generating' });
    await startRun(config);
    // The sample is drawn, but no question is asked and pane B's reply is left alone.
    expect(calls).toHaveLength(0);
    expect(useStore.getState().quality.error).toMatch(/A reply is being generated/);
    expect(useStore.getState().panes.b.status).toBe('generating');
    // The sample was kept for pane A; with another model there now, Resume refuses.
    ready('b');
    ready('a', 'another-model');
    await resumeRun();
    expect(calls).toHaveLength(0);
    expect(useStore.getState().quality.error).toBe(
      'Pane A now has another-model; this run was started with model-a. Load that model again to resume, or start a new run.',
    );
  });
});
