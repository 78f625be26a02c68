/**
 * GGUF builds for the llama.cpp (CPU) engine, for browsers without WebGPU. Sizes are the published file
 * sizes of these quantizations. On a CPU, expect a few tokens per second for 3B and fewer for 8B.
 */
export interface GgufEntry {
  label: string;
  url: string;
  params: string;
  quant: string;
  approxBytes: number;
}

const HF = 'https://huggingface.co';
const GB = 1e9;

export const GGUF_MODELS: GgufEntry[] = [
  {
    label: 'Llama-3.2-1B-Instruct Q4_K_M',
    url: `${HF}/hugging-quants/Llama-3.2-1B-Instruct-Q4_K_M-GGUF/resolve/main/llama-3.2-1b-instruct-q4_k_m.gguf`,
    params: '1B',
    quant: 'Q4_K_M',
    approxBytes: 0.81 * GB,
  },
  {
    label: 'Llama-3.2-3B-Instruct Q4_K_M',
    url: `${HF}/hugging-quants/Llama-3.2-3B-Instruct-Q4_K_M-GGUF/resolve/main/llama-3.2-3b-instruct-q4_k_m.gguf`,
    params: '3B',
    quant: 'Q4_K_M',
    approxBytes: 2.02 * GB,
  },
  {
    label: 'Llama-3.1-8B-Instruct Q4_K_M',
    url: `${HF}/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF/resolve/main/Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf`,
    params: '8B',
    quant: 'Q4_K_M',
    approxBytes: 4.92 * GB,
  },
  {
    label: 'Qwen2.5-0.5B-Instruct Q4_K_M',
    url: `${HF}/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf`,
    params: '0.5B',
    quant: 'Q4_K_M',
    approxBytes: 0.49 * GB,
  },
];
