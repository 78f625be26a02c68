/**
 * The MMLU check: draw the seeded sample, then ask every question of every taking-part pane — the same
 * questions in the same order, one pane after the other (never both at once, so neither pane's timing
 * shares the device with the other's) — as its own fresh conversation. Each answer is saved as it comes,
 * so Stop, a reload or a crash loses at most the question being asked, and Resume continues.
 */
import { extractLetter } from '../quality/letter';
import { mmluPrompt } from '../quality/prompt';
import { runPanes } from '../quality/score';
import { LETTERS, type McAnswer, type QualityRun, type RunConfig } from '../quality/types';
import { useStore } from '../store/store';
import { PANES, type PaneId } from '../store/types';
import { explainFetchError } from './mmlu-source';
import { drawSample } from './mmlu-sample';
import { askPane, errorText, interruptPanes, leasePanes, paneStopped, releasePanes } from './pane-lease';
import { saveRun } from './quality-persist';

/** Enough for "The correct answer is B" from a chat model; MMLU needs one letter. */
export const ANSWER_TOKENS = 10;

let stopRequested = false;
let fetchAbort: AbortController | null = null;

const patch = (...args: Parameters<ReturnType<typeof useStore.getState>['patchQuality']>): void =>
  useStore.getState().patchQuality(...args);

const currentRun = (): QualityRun | null => useStore.getState().quality.run;

function recordAnswer(pane: PaneId, index: number, answer: McAnswer): void {
  patch((q) => {
    if (!q.run) return {};
    const list = [...q.run.answers[pane]];
    list[index] = answer;
    return { run: { ...q.run, answers: { ...q.run.answers, [pane]: list } } };
  });
}

/** Why the run cannot continue in its panes now (another model loaded, or not ready), or null. */
function resumeBlocker(run: QualityRun): string | null {
  for (const id of runPanes(run)) {
    const p = useStore.getState().panes[id];
    if (p.model?.id !== run.models[id])
      return `Pane ${id.toUpperCase()} now has ${p.model?.id ?? 'no model'}; this run was started with ${run.models[id] ?? '—'}. Load that model again to resume, or start a new run.`;
  }
  return null;
}

async function execute(): Promise<void> {
  const run = currentRun();
  if (!run) return;
  const panes = runPanes(run);
  const blocked = resumeBlocker(run) ?? leasePanes(panes);
  if (blocked) {
    patch({ phase: 'idle', error: blocked, note: '' });
    return;
  }
  patch({ phase: 'running', error: null, note: '' });
  try {
    outer: for (let i = 0; i < run.questions.length; i++) {
      const q = run.questions[i];
      if (!q) continue;
      for (const id of panes) {
        const done = currentRun()?.answers[id][i];
        if (done && done.error === undefined) continue;
        if (stopRequested || paneStopped(id)) break outer;
        patch({ current: { index: i, pane: id } });
        try {
          const asked = await askPane(id, mmluPrompt(q, run.shots[q.subject] ?? []), run.config.maxTokens);
          if (asked.aborted) break outer;
          const letter = extractLetter(asked.reply);
          recordAnswer(id, i, {
            reply: asked.reply,
            letter,
            correct: letter === LETTERS[q.answer],
            turn: asked.turn,
          });
        } catch (e) {
          // The engine itself went away (the pane left 'generating'): pause; else only this question failed.
          if (useStore.getState().panes[id].status !== 'generating') {
            patch({
              error: `Pane ${id.toUpperCase()}'s engine stopped (${errorText(e)}). The run is paused: when the pane is ready again, press Resume.`,
            });
            break outer;
          }
          recordAnswer(id, i, { reply: '', letter: null, correct: false, error: errorText(e) });
        }
      }
      const now = currentRun();
      if (now) await saveRun(now);
    }
  } finally {
    releasePanes(panes);
    patch((q) => ({
      phase: 'idle',
      current: null,
      note: '',
      run: q.run
        ? {
            ...q.run,
            finished: runPanes(q.run).every((id) => q.run?.questions.every((_, i) => q.run?.answers[id][i])),
          }
        : null,
    }));
    await saveRun(currentRun());
  }
}

/** Draws a new sample (replacing the saved run) and asks it of every pane that has a model ready. */
export async function startRun(config: RunConfig): Promise<void> {
  const st = useStore.getState();
  if (st.quality.phase !== 'idle') return;
  const panes = PANES.filter((id) => st.panes[id].status === 'ready');
  if (!panes.length) {
    patch({ error: 'Load a model in at least one pane first.' });
    return;
  }
  stopRequested = false;
  fetchAbort = new AbortController();
  patch({ phase: 'fetching', error: null, note: 'Preparing the sample…' });
  let sample;
  try {
    sample = await drawSample(config, { signal: fetchAbort.signal, onNote: (note) => patch({ note }) });
  } catch (e) {
    const stopped = fetchAbort.signal.aborted;
    patch({
      phase: 'idle',
      note: '',
      error: stopped ? 'Stopped before the questions were fetched.' : explainFetchError(e),
    });
    return;
  } finally {
    fetchAbort = null;
  }
  if (!sample.questions.length) {
    patch({ phase: 'idle', note: '', error: 'The dataset server sent no usable question for this sample.' });
    return;
  }
  const models = { a: null, b: null } as Record<PaneId, string | null>;
  for (const id of panes) models[id] = useStore.getState().panes[id].model?.id ?? null;
  const run: QualityRun = {
    id: `${Date.now().toString(36)}-${config.seed}`,
    config,
    createdAt: Date.now(),
    ...sample,
    models,
    answers: { a: sample.questions.map(() => null), b: sample.questions.map(() => null) },
    finished: false,
  };
  patch({ run });
  await saveRun(run);
  // Stopped while the last rows arrived: the sample is kept, and Resume asks it.
  if (stopRequested) patch({ phase: 'idle', note: '' });
  else await execute();
}

/** Continues the saved run: unanswered questions, and those that failed, in the same order. */
export async function resumeRun(): Promise<void> {
  if (useStore.getState().quality.phase !== 'idle') return;
  stopRequested = false;
  await execute();
}

/** Stops after the question being asked (which is interrupted and asked again on Resume). */
export function stopRun(): void {
  const q = useStore.getState().quality;
  if (q.phase === 'idle') return;
  stopRequested = true;
  fetchAbort?.abort();
  patch({ phase: 'stopping' });
  if (q.phase === 'running' && q.run) interruptPanes(runPanes(q.run));
}
