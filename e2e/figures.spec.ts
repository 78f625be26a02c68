import { expect, test } from './test';
import { expectedText } from './fixtures/models';
import type { Page } from '@playwright/test';
import { freshPage, loadGguf, readSession, sendPrompt, setSharedMaxTokens } from './helpers';

/** What the app saved for a finished turn (IndexedDB), as this test reads it: nothing from the app's code. */
interface Saved {
  status?: string;
  turn?: {
    startedAt: number;
    tokenTimes: number[];
    engineStats: {
      promptTokens: number | null;
      completionTokens: number | null;
      timeToFirstTokenMs: number | null;
      decodeMs?: number | null;
    };
    marks?: { handedAt: number; promptStartedAt: number | null; promptDoneAt: number | null };
  };
}

async function lastTurn(page: Page, pane: 'a' | 'b'): Promise<Saved> {
  const session = await readSession(page);
  return (session[pane].messages.filter((m) => m.turn).at(-1) ?? {}) as Saved;
}

const within = (ours: number, theirs: number, tolerance: number) =>
  Math.abs(ours - theirs) / theirs <= tolerance;

// 300 characters of text outside the test vocabulary: each byte becomes a prompt token (~420 with the
// chat template), so prompt processing on the paced model takes about a second or more.
const LONG_PROMPT = 'Describe, in plain words, what a context window is. '.repeat(6);

test('llama.cpp figures agree with the engine within 5% and token counts are exact', async ({ page }) => {
  test.setTimeout(180_000);
  await freshPage(page);
  await loadGguf(page, 'A', 'paced');
  await loadGguf(page, 'B', 'story');
  await setSharedMaxTokens(page, 240);
  await sendPrompt(page, LONG_PROMPT);
  const replyB = page.getByRole('region', { name: 'Pane B' }).getByRole('article', { name: 'Pane B reply' });
  await expect(replyB).toHaveText(expectedText('story'));
  await expect(page.getByRole('button', { name: 'Stop all' })).toBeDisabled({ timeout: 120_000 });
  await expect.poll(async () => (await lastTurn(page, 'a')).turn?.tokenTimes.length ?? 0).toBe(240);

  // Pane A, the paced model: 240 tokens, cut at max tokens.
  const a = await lastTurn(page, 'a');
  const t = a.turn;
  expect(a.status).toBe('length');
  if (!t?.marks) throw new Error('the turn has no worker marks');
  const times = t.tokenTimes;
  const e = t.engineStats;
  expect(e.completionTokens).toBe(times.length); // exactly: every sampled token showed text
  // Prompt processing: the call into llama.cpp's worker that ran the prompt, against its prompt_ms.
  const { promptStartedAt, promptDoneAt } = t.marks;
  if (promptStartedAt === null || promptDoneAt === null || e.timeToFirstTokenMs == null)
    throw new Error('prompt processing was not timed');
  expect(e.timeToFirstTokenMs).toBeGreaterThan(300); // a long enough span to be worth comparing
  expect(within(promptDoneAt - promptStartedAt, e.timeToFirstTokenMs, 0.05)).toBe(true);
  // Decode: the steps after the first token, ours and llama.cpp's (predicted_n − 1 over predicted_ms).
  const first = times[0] ?? NaN;
  const last = times.at(-1) ?? NaN;
  const ours = (times.length - 1) / ((last - first) / 1000);
  if (e.decodeMs == null || e.completionTokens === null) throw new Error('no engine decode timing');
  const theirs = (e.completionTokens - 1) / (e.decodeMs / 1000);
  expect(within(ours, theirs, 0.05)).toBe(true);
  // The time to first token holds its parts, in order.
  expect(t.marks.handedAt).toBeGreaterThanOrEqual(t.startedAt);
  expect(promptStartedAt).toBeGreaterThanOrEqual(t.marks.handedAt);
  expect(first).toBeGreaterThanOrEqual(promptDoneAt);

  // Pane B stopped on its own: llama.cpp also counts the end-of-turn token, which shows no text.
  const b = await lastTurn(page, 'b');
  expect(b.status).toBe('stop');
  expect(b.turn?.tokenTimes).toHaveLength(12);
  expect(b.turn?.engineStats.completionTokens).toBe(13);

  // On screen: each figure beside the engine's, and no warning for this normal turn (enough tokens for
  // the decode span to be resolved on a busy machine).
  const lineA = page.getByRole('region', { name: 'Pane A' }).getByLabel('Reply measurements');
  await expect(lineA).toContainText(
    /time to first token [\d.]+ m?s \(start-up [\d.]+ m?s \+ prompt [\d.]+ m?s \+ first token [\d.]+ m?s\)/,
  );
  await expect(lineA).toContainText(
    /prompt \d+ tokens in [\d.]+ m?s, [\d.]+ tok\/s \(engine: [\d.]+ m?s, [\d.]+% apart\)/,
  );
  await expect(lineA).toContainText(/decode [\d.]+ tok\/s \(engine: [\d.]+ tok\/s, [\d.]+% apart\)/);
  await expect(lineA).toContainText('240 tokens (engine: 240 tokens, equal)');
  await expect(lineA).not.toContainText('⚠');
  // Pane B's 12 tokens: the count is exact on screen too, and llama.cpp's prompt time fits in ours.
  const lineB = page.getByRole('region', { name: 'Pane B' }).getByLabel('Reply measurements');
  await expect(lineB).toContainText('12 tokens (engine: 12 tokens, equal)');
  await expect(lineB).toContainText(/\(engine: [\d.]+ m?s(, [\d.]+% apart| of it)\)/);
  // A reply this short is not cross-checked on decode (a delayed delivery would be most of its span), so it
  // raises no warning either: a warning that fired by design would teach people to ignore warnings.
  await expect(lineB).toContainText(
    /decode [\d.]+ tok\/s \(engine: [\d.]+ tok\/s, ([\d.]+% apart|reply too short to cross-check)\)/,
  );
  await expect(lineB).not.toContainText('⚠');
});
