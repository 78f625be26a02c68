/**
 * The names web-llm 0.2.86 gives its Cache Storage caches and the files it keeps in them (with
 * `appConfig.cacheBackend` 'cache', the default). Written once here; everything else imports them.
 *
 * - "webllm/model": `tensor-cache.json`, the weight shards it lists and the tokenizer, under the model's base URL
 * - "webllm/config": `mlc-chat-config.json` under the same base
 * - "webllm/wasm": the compiled model library, under its own URL
 */

export const MODEL_CACHE = 'webllm/model';
export const CONFIG_CACHE = 'webllm/config';
export const WASM_CACHE = 'webllm/wasm';

export const WEBLLM_CACHES = [MODEL_CACHE, CONFIG_CACHE, WASM_CACHE] as const;
export type WebLlmCacheName = (typeof WEBLLM_CACHES)[number];

/** Every cache web-llm makes starts with this, including ones a later version may add. */
export const WEBLLM_CACHE_PREFIX = 'webllm/';

export const TENSOR_CACHE_FILE = 'tensor-cache.json';
export const CHAT_CONFIG_FILE = 'mlc-chat-config.json';
/** The tokenizer files web-llm can read, in the order it prefers them (`asyncLoadTokenizer`). */
export const TOKENIZER_FILES = ['tokenizer.json', 'tokenizer.model'] as const;
