/**
 * Presets: choosing one puts its prompt in the prompt box; a user message that is a preset's prompt word
 * for word is tagged with the preset's id (so its replies are checked, also after a reload). "Run all
 * presets" asks every preset of every ready pane — one pane after the other, each preset a fresh
 * conversation at temperature 0 — and fills the preset table with each check and the turn's timing.
 */
import { checkReply } from '../quality/checks';
import { presetById, presetForPrompt, PRESETS } from '../quality/presets';
import type { PresetOutcome, PresetTable } from '../quality/types';
import { useStore } from '../store/store';
import { PANES, type PaneId } from '../store/types';
import { askPane, errorText, interruptPanes, leasePanes, paneStopped, releasePanes } from './pane-lease';
import { savePresets } from './quality-persist';

export function choosePreset(id: string): void {
  const p = presetById(id);
  if (p) useStore.getState().setComposer(p.prompt);
}

/** Tags new user messages that are a preset's prompt. Returns the unsubscribe function. */
export function watchPresetPrompts(): () => void {
  const tag = (): void => {
    const st = useStore.getState();
    for (const id of PANES) {
      const msgs = st.panes[id].messages;
      const last = msgs.findLast((m) => m.role === 'user');
      if (!last || last.presetId !== undefined) continue;
      const preset = presetForPrompt(last.content);
      if (!preset) continue;
      st.patchPane(id, (p) => ({
        messages: p.messages.map((m) => (m.id === last.id ? { ...m, presetId: preset.id } : m)),
      }));
    }
  };
  tag();
  return useStore.subscribe((next, prev) => {
    if (PANES.some((id) => next.panes[id].messages !== prev.panes[id].messages)) tag();
  });
}

let stopRequested = false;

const patch = (...args: Parameters<ReturnType<typeof useStore.getState>['patchQuality']>): void =>
  useStore.getState().patchQuality(...args);

function record(presetId: string, pane: PaneId, outcome: PresetOutcome): void {
  patch((q) => {
    if (!q.presets) return {};
    const row = { ...q.presets.results[presetId], [pane]: outcome };
    return { presets: { ...q.presets, results: { ...q.presets.results, [presetId]: row } } };
  });
}

export async function runAllPresets(): Promise<void> {
  const st = useStore.getState();
  if (st.quality.presetPhase !== 'idle' || st.quality.phase !== 'idle') return;
  const panes = PANES.filter((id) => st.panes[id].status === 'ready');
  const blocked = panes.length ? leasePanes(panes) : 'Load a model in at least one pane first.';
  if (blocked) {
    patch({ presetError: blocked });
    return;
  }
  stopRequested = false;
  const models = { a: null, b: null } as Record<PaneId, string | null>;
  for (const id of panes) models[id] = useStore.getState().panes[id].model?.id ?? null;
  const table: PresetTable = { createdAt: Date.now(), models, results: {}, finished: false };
  patch({ presets: table, presetPhase: 'running', presetError: null });
  let complete = true;
  try {
    outer: for (const preset of PRESETS) {
      for (const id of panes) {
        if (stopRequested || paneStopped(id)) {
          complete = false;
          break outer;
        }
        patch({ presetCurrent: { id: preset.id, pane: id } });
        try {
          const asked = await askPane(id, preset.prompt, preset.maxTokens);
          if (asked.aborted) {
            complete = false;
            break outer;
          }
          const check = await checkReply(preset.check, asked.reply);
          record(preset.id, id, { reply: asked.reply, check, turn: asked.turn });
        } catch (e) {
          if (useStore.getState().panes[id].status !== 'generating') {
            patch({ presetError: `Pane ${id.toUpperCase()}'s engine stopped (${errorText(e)}).` });
            complete = false;
            break outer;
          }
          record(preset.id, id, {
            reply: '',
            check: { verdict: 'fail', detail: 'the engine failed on this prompt' },
            error: errorText(e),
          });
        }
      }
      const now = useStore.getState().quality.presets;
      if (now) await savePresets(now);
    }
  } finally {
    releasePanes(panes);
    patch((q) => ({
      presetPhase: 'idle',
      presetCurrent: null,
      presets: q.presets ? { ...q.presets, finished: complete } : null,
    }));
    await savePresets(useStore.getState().quality.presets);
  }
}

export function stopPresets(): void {
  const q = useStore.getState().quality;
  if (q.presetPhase !== 'running' || !q.presets) return;
  stopRequested = true;
  patch({ presetPhase: 'stopping' });
  interruptPanes(PANES.filter((id) => q.presets?.models[id]));
}
