/** Published MMLU scores, shown beside the measured ones (the comparison table and the quality results). */

/** Meta's model cards, MMLU (5-shot, macro average) for the instruction-tuned models. Reference, not measured. */
export const PUBLISHED_MMLU: Record<string, number> = {
  'Llama-3.2-3B-Instruct': 63.4,
  'Llama-3.1-8B-Instruct': 69.4,
};

/** The published MMLU score of a model id (web-llm ids carry a quantization suffix), or null. */
export function publishedMmlu(id: string): number | null {
  const key = Object.keys(PUBLISHED_MMLU).find((k) => id.startsWith(k));
  return key ? (PUBLISHED_MMLU[key] ?? null) : null;
}
