/**
 * Everything the storage panel shows and does, in one place: the models downloaded for either engine, the
 * origin's storage figures and persistence, and the deletions. No React here.
 */
import catalog from 'virtual:webllm-catalog';
import type { ModelSpec } from '../../engine/types';
import { deleteAppData, type AppDataResult } from './app-data';
import { readEstimate, type StorageFigures } from './estimate';
import type { Health } from './health';
import { forgetPersistenceRequest, readPersisted } from '../../downloads/persistence';
import type { RepairTarget } from '../../downloads/repair';
import { deleteAllWebLlmCaches, deleteEntries, type CachedEntry } from '../../webllm-cache/storage';
import type { KnownModel } from './webllm-groups';
import { readWebLlmModels } from './webllm-models';
import { clearGgufCache, deleteGgufFiles, readGgufModels } from './wllama-cache';

export interface StoredModel {
  key: string;
  engine: 'webllm' | 'llamacpp';
  name: string;
  aliases: string[];
  size: number;
  health: Health;
  parts: string;
  /** What deleting this model removes. */
  webllmEntries: CachedEntry[];
  ggufFiles: string[];
  /** What Repair checks and fetches again: a web-llm model whose weights' base URL is known. */
  repair: RepairTarget | null;
}

export interface Inventory {
  models: StoredModel[];
  figures: StorageFigures | null;
  persisted: boolean | null;
  /** Parts that could not be read (e.g. a storage API this browser lacks or refuses). */
  problems: string[];
}

/** Catalog records, plus custom MLC models the user added by URL (they name their library). */
export function knownModels(custom: readonly (ModelSpec | null)[]): KnownModel[] {
  const extra = custom.flatMap((s) =>
    s?.engine === 'webllm' && s.url
      ? [{ id: s.id.replace(/^custom:/, ''), model: s.url, modelLib: s.modelLib }]
      : [],
  );
  return [...catalog.map((e) => ({ id: e.id, model: e.model, modelLib: e.modelLib })), ...extra];
}

function message(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

export async function readInventory(known: KnownModel[]): Promise<Inventory> {
  const problems: string[] = [];
  const attempt = async <T>(what: string, fallback: T, read: () => Promise<T>): Promise<T> => {
    try {
      return await read();
    } catch (e) {
      problems.push(`${what}: ${message(e)}`);
      return fallback;
    }
  };
  const [webllm, gguf, figures, persisted] = await Promise.all([
    attempt('web-llm caches', [], () => readWebLlmModels(known)),
    attempt('llama.cpp (wllama) files', [], readGgufModels),
    attempt('storage estimate', null, readEstimate),
    attempt('persistence', null, readPersisted),
  ]);
  const models: StoredModel[] = [
    ...webllm.map((m) => ({
      key: m.key,
      engine: 'webllm' as const,
      name: m.name,
      aliases: m.aliases,
      size: m.size,
      health: m.health,
      parts: m.parts,
      webllmEntries: m.entries,
      ggufFiles: [],
      repair: m.base === null ? null : { modelUrl: m.base, modelLib: m.modelLib },
    })),
    ...gguf.map((g) => ({
      key: g.key,
      engine: 'llamacpp' as const,
      name: g.name,
      aliases: [],
      size: g.size,
      health: g.health,
      parts: g.parts,
      webllmEntries: [],
      ggufFiles: g.files.map((f) => f.name),
      repair: null,
    })),
  ].sort((a, b) => a.name.localeCompare(b.name));
  return { models, figures, persisted, problems };
}

export async function removeStoredModel(m: StoredModel): Promise<void> {
  await deleteEntries(m.webllmEntries);
  await deleteGgufFiles(m.ggufFiles);
}

/** All `webllm/*` caches, wllama's folder and the app's database; forgets the persistence request too. */
export async function deleteEverything(): Promise<AppDataResult> {
  // Every step runs even if one fails (e.g. a GGUF file still being written), then the failures are told.
  const failed: string[] = [];
  const step = async <T>(what: string, fn: () => Promise<T>): Promise<T | null> => {
    try {
      return await fn();
    } catch (e) {
      failed.push(`${what} (${message(e)})`);
      return null;
    }
  };
  await step('web-llm caches', deleteAllWebLlmCaches);
  await step('llama.cpp files', clearGgufCache);
  forgetPersistenceRequest();
  const appData = await step('saved conversations and settings', deleteAppData);
  if (failed.length || appData === null) throw new Error(`could not delete ${failed.join(', ')}`);
  return appData;
}
