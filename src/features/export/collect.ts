/** The store's source data as the plain input of a report (read once, when the user exports). */
import type { AppState } from '../../store/store';
import type { PaneId } from '../../store/types';
import { WEBLLM_VERSION, type ExportInput, type PaneInput } from './report';

export function collectInput(s: AppState, exportedAt: number): ExportInput {
  const pane = (id: PaneId): PaneInput => {
    const p = s.panes[id];
    return {
      modelId: p.model?.id ?? null,
      runtime: p.info?.runtimeVersion ?? null,
      messages: p.messages,
      memory: s.memory[id],
      price: s.settings.prices[id],
    };
  };
  return {
    exportedAt,
    webllmVersion: WEBLLM_VERSION,
    device: s.device,
    panes: { a: pane('a'), b: pane('b') },
    quality: s.quality.run,
    presets: s.quality.presets,
    votes: s.votes,
  };
}
