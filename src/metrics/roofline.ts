/**
 * Roofline for single-stream decode. Generating one token at batch size 1 reads every weight once
 * (plus the KV cache), and does only ~2 FLOPs per weight byte read, so decode is bound by memory
 * bandwidth, not compute: tokens/s ≤ bandwidth ÷ bytes read per token.
 */

const positive = (x: number) => Number.isFinite(x) && x > 0;
const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

/** Upper bound on decode speed in tokens/s; null unless both inputs are finite and > 0. */
export function decodeCeiling(bandwidthBytesPerS: number, bytesPerToken: number): number | null {
  if (!positive(bandwidthBytesPerS) || !positive(bytesPerToken)) return null;
  return finiteOrNull(bandwidthBytesPerS / bytesPerToken);
}

/** achieved ÷ ceiling (1 = at the roofline; > 1 means the ceiling's inputs underestimate something). */
export function rooflineFraction(
  achievedTokensPerS: number | null,
  ceilingTokensPerS: number | null,
): number | null {
  if (achievedTokensPerS === null || ceilingTokensPerS === null) return null;
  if (!Number.isFinite(achievedTokensPerS) || achievedTokensPerS < 0 || !positive(ceilingTokensPerS))
    return null;
  return finiteOrNull(achievedTokensPerS / ceilingTokensPerS);
}

/** Bytes taken by params weights at bitsPerWeight bits each; null for negative or non-finite input. */
export function weightBytes(params: number, bitsPerWeight: number): number | null {
  if (!Number.isFinite(params) || params < 0 || !Number.isFinite(bitsPerWeight) || bitsPerWeight < 0)
    return null;
  return finiteOrNull((params * bitsPerWeight) / 8);
}

/**
 * Effective storage bits per weight for an MLC quantization name, from the scheme definitions in
 * mlc-llm (python/mlc_llm/quantization/quantization.py and group_quantization.py).
 *
 * Group quantization ("qXfYY_N"): symmetric, no zero point. Each group of `group_size` weights along
 * the input dimension stores its X-bit values packed into uint32 words (floor(32 / X) values per
 * word) plus one scale in the model dtype (f16/bf16 = 16 bits, f32 = 32 bits):
 *   bits/weight = ((group_size / floor(32 / X)) words × 32 + scale_bits) / group_size.
 *
 * These schemes also quantize the embedding and the final projection, so apart from small
 * unquantized tensors (norms, biases) the value applies to the whole model. Schemes whose
 * per-weight cost depends on the model's shapes, or that leave large tensors unquantized, return null.
 */
const group = (bits: number, groupSize: number, scaleBits: number) =>
  ((groupSize / Math.floor(32 / bits)) * 32 + scaleBits) / groupSize;

const QUANT_BITS: Readonly<Record<string, number>> = {
  // No quantization: weights stored in the model dtype.
  q0f16: 16,
  q0bf16: 16,
  q0f32: 32,
  // int4, group_size 32: 8 values per uint32 → 4 words = 128 bits per group (exactly 4 bits/weight),
  // plus one f16 scale per 32 weights = 0.5 → 4.5. The _0/_1 suffix is only the weight layout (KN/NK).
  q4f16_0: group(4, 32, 16),
  q4f16_1: group(4, 32, 16),
  q4bf16_0: group(4, 32, 16),
  q4bf16_1: group(4, 32, 16),
  // Same packing with an f32 scale: 4 + 32/32 = 5.
  q4f32_1: group(4, 32, 32),
  // int3, group_size 40: only 10 three-bit values fit in a uint32 (2 bits wasted), so a group takes
  // 4 words = 128 bits = 3.2 bits/weight, plus one f16 scale per 40 weights = 0.4 → 3.6
  // (not 3 + 16/40 = 3.4).
  q3f16_0: group(3, 40, 16),
  q3f16_1: group(3, 40, 16),
  // Deliberately absent (→ null):
  // q4f16_2: 4.5 bits for linear layers, but embedding and final projection stay f16 — the average
  //   depends on the vocabulary size vs. the rest of the model.
  // q4f16_autoawq: AWQ checkpoint format with group_size 128 plus packed zero points; layout not
  //   verified here.
  // q4f16_ft: FasterTransformer per-channel scales; the overhead depends on the layer shapes.
  // e5m2_e5m2_f16, e4m3_e4m3_f16*: fp8 linear layers only, embedding and final projection stay f16.
};

/** Bits per weight for an MLC quantization name such as 'q4f16_1' (case-insensitive); null if unknown. */
export function bitsPerWeightForQuant(quant: string): number | null {
  const key = quant.trim().toLowerCase();
  return Object.hasOwn(QUANT_BITS, key) ? (QUANT_BITS[key] ?? null) : null;
}

/**
 * The quantization name inside an MLC model id, e.g. 'Llama-3.2-1B-Instruct-q4f16_1-MLC' → 'q4f16_1'.
 * Null if no dash-separated part of the id looks like one.
 */
export function quantFromModelId(modelId: string): string | null {
  const parts = modelId.toLowerCase().split('-');
  return parts.find((p) => /^q\d+(f|bf)\d+(_\w+)?$/.test(p)) ?? null;
}

/**
 * Memory bandwidth from a timed buffer-to-buffer copy: copying N bytes reads N and writes N, so the
 * memory system moved readsPlusWrites × N bytes. Null unless bytes ≥ 0 and seconds, readsPlusWrites > 0.
 */
export function bandwidthFromCopy(bytesCopied: number, seconds: number, readsPlusWrites = 2): number | null {
  if (!Number.isFinite(bytesCopied) || bytesCopied < 0 || !positive(seconds) || !positive(readsPlusWrites)) {
    return null;
  }
  return finiteOrNull((readsPlusWrites * bytesCopied) / seconds);
}
