/**
 * Repair: web-llm reads cached bytes on every load, so a damaged cached config, library or shard fails
 * every time (or, for a shard, silently changes the model). Repair checks every cached file of the model,
 * fetches again only what is missing or damaged (downloads/repair.ts), reports what it found and fixed,
 * and loads the model again.
 */
import { repairModelFiles, type RepairReport, type RepairTarget } from '../downloads/repair';
import { describeRepair } from '../downloads/repair-report';
import { notifyStorageChange } from '../downloads/persistence';
import type { ModelSpec } from '../engine/types';
import { findModel } from '../catalog/catalog';
import { useStore } from '../store/store';
import { PANES, type PaneId } from '../store/types';
import { modelBaseUrl } from '../webllm-cache/urls';
import { runPaneJob } from './download';
import { loadModel } from './load';

/** Where a web-llm spec's files come from: a custom model's own URLs, else the catalog record's. */
export function repairTargetFor(spec: ModelSpec): RepairTarget | null {
  if (spec.engine !== 'webllm') return null;
  if (spec.url) return { modelUrl: spec.url, modelLib: spec.modelLib ?? null };
  const e = findModel(spec.id);
  return e ? { modelUrl: e.model, modelLib: e.modelLib } : null;
}

/** Repairs the pane's model files; progress, failure and the report show in the pane's download panel. */
export async function repairDownload(pane: PaneId, spec: ModelSpec): Promise<RepairReport | null> {
  const t = repairTargetFor(spec);
  if (!t) return null;
  return runPaneJob(pane, t.modelUrl, (opts) => repairModelFiles(t, opts), describeRepair);
}

/** From a pane's error: repair, then load the model again; what Repair did stays on the pane. */
export async function repairAndReload(pane: PaneId, spec: ModelSpec): Promise<void> {
  const report = await repairDownload(pane, spec);
  await loadModel(pane, spec);
  const notice = report
    ? `Repair: ${describeRepair(report)}`
    : 'Repair could not check the files (see the download panel); the model was loaded again as it is.';
  useStore.getState().patchPane(pane, { notice });
}

function sameModel(spec: ModelSpec | null, base: string): spec is ModelSpec {
  const t = spec ? repairTargetFor(spec) : null;
  try {
    return t !== null && modelBaseUrl(t.modelUrl) === base;
  } catch {
    return false;
  }
}

/**
 * From the storage panel: repairs a model's files, then loads it again in any pane whose load of it
 * had failed. Resolves to the report, in words.
 */
export async function repairStoredModel(t: RepairTarget): Promise<string> {
  let report: RepairReport;
  try {
    report = await repairModelFiles(t);
  } finally {
    notifyStorageChange();
  }
  const base = modelBaseUrl(t.modelUrl);
  for (const pane of PANES) {
    const p = useStore.getState().panes[pane];
    if (p.status === 'error' && sameModel(p.model, base)) void loadModel(pane, p.model);
  }
  return describeRepair(report);
}
