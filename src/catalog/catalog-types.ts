/** One web-llm prebuilt model record, as snapshotted at build time from the pinned web-llm. */
export interface CatalogEntry {
  id: string;
  model: string;
  /** URL of the compiled model library (.wasm). */
  modelLib: string;
  vramMB: number | null;
  lowResource: boolean;
  requiredFeatures: string[];
  contextWindow: number | null;
  /** Required maxStorageBufferBindingSize, when web-llm lists it. */
  bufferSizeRequired: number | null;
  modelType: 'llm' | 'embedding' | 'vlm';
}
