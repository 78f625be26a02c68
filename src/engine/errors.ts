/**
 * Turns any runtime failure ({name, message} from the worker) into words a non-expert understands and a
 * way forward. Total: never throws, whatever the input.
 */
export type ErrorKind =
  | 'no-webgpu'
  | 'no-adapter'
  | 'f16'
  | 'limits'
  | 'device-lost'
  | 'not-loaded'
  | 'context-full'
  | 'network'
  | 'not-found'
  | 'quota'
  | 'integrity'
  | 'model-library'
  | 'bad-model'
  | 'worker-crashed'
  | 'aborted'
  | 'config'
  | 'unknown';

export interface Explained {
  kind: ErrorKind;
  title: string;
  advice: string;
  detail: string;
}

const TEXT: Record<ErrorKind, [string, string]> = {
  'no-webgpu': [
    'This browser has no WebGPU.',
    'Use the llama.cpp (CPU) engine with a GGUF model, or open the page in a recent Chrome or Edge.',
  ],
  'no-adapter': [
    'No usable GPU was found.',
    'The GPU may be blocklisted or its driver too old (see chrome://gpu). The llama.cpp (CPU) engine still works.',
  ],
  f16: ['This GPU cannot run f16 models.', 'Pick the q4f32_1 variant of the model.'],
  limits: [
    'This GPU allows smaller buffers than the model needs.',
    'Pick a smaller model or a -1k context variant.',
  ],
  'device-lost': [
    'The GPU stopped (often: out of memory).',
    'Reload the model, or pick a smaller one (a -1k context or the 3B alone).',
  ],
  'not-loaded': [
    'The model is not loaded any more.',
    'Load it again; it comes from the cache, not the network.',
  ],
  'context-full': [
    'The conversation no longer fits the context window.',
    'Start a new chat or clear the oldest turns.',
  ],
  network: ['A download failed.', 'Check the connection and retry; finished files are not fetched again.'],
  'not-found': [
    'The model file was not found at that address.',
    'Check the URL; it must point straight at the file.',
  ],
  quota: [
    'The browser ran out of storage for models.',
    'Delete a downloaded model to free space, then retry.',
  ],
  integrity: [
    'A downloaded file does not match what was expected.',
    'Repair the model (delete its cached files) and load it again.',
  ],
  'model-library': [
    'The model library could not be started.',
    'The model library (.wasm) is missing, corrupt or not built for this web-llm version. Check its URL.',
  ],
  'bad-model': [
    'That file is not a model this engine can read.',
    'A GGUF URL must point at a .gguf file; an MLC model needs its repository and model library URLs.',
  ],
  'worker-crashed': ['The engine stopped unexpectedly.', 'Reload the model; your conversation is kept.'],
  aborted: ['Stopped.', 'Load the model again when you are ready.'],
  config: ['A setting is out of range for this model.', 'Lower max tokens or the temperature and try again.'],
  unknown: ['Something went wrong.', 'Retry; the technical detail below says what the runtime reported.'],
};

function kindOf(name: string, message: string): ErrorKind {
  switch (name) {
    case 'WebGPUNotAvailableError':
    case 'WebGPUNotFoundError':
      return 'no-webgpu';
    case 'ShaderF16SupportError':
    case 'FeatureSupportError':
      return 'f16';
    case 'DeviceLostError':
      return 'device-lost';
    case 'ModelNotLoadedError':
    case 'WorkerEngineModelNotLoadedError':
      return 'not-loaded';
    case 'ContextWindowSizeExceededError':
      return 'context-full';
    case 'QuotaExceededError':
      return 'quota';
    case 'IntegrityError':
      return 'integrity';
    case 'WorkerCrashedError':
      return 'worker-crashed';
    case 'AbortError':
    case 'WllamaAbortError':
      return 'aborted';
    case 'CompileError':
    case 'LinkError':
    case 'MissingModelError':
      return 'model-library';
    case 'RangeError':
      if (/Make sure/.test(message)) return 'config';
  }
  if (/^ModelNotLoadedError/.test(message)) return 'not-loaded';
  if (/Unable to find a compatible GPU/i.test(message)) return 'no-adapter';
  if (/maxStorageBufferBindingSize|maxBufferSize|maxComputeWorkgroupStorageSize/.test(message))
    return 'limits';
  if (/WebAssembly\.(instantiate|compile|Module)|expected magic word|wasm/i.test(message))
    return 'model-library';
  if (/\b404\b|not found/i.test(message)) return 'not-found';
  if (/not a valid gguf|invalid magic|failed to load model|gguf/i.test(message)) return 'bad-model';
  if (/quota/i.test(message)) return 'quota';
  // Cache.add() rejects with a TypeError when the server answers 4xx/5xx or the connection fails.
  if (/Failed to execute 'add' on 'Cache'/i.test(message)) return 'network';
  // A config that is not JSON: an error page or a proxy's login page was saved in its place.
  if (name === 'SyntaxError' && /JSON|Unexpected token/i.test(message)) return 'integrity';
  if (
    /Cannot fetch|Unable to fetch|failed to fetch|NetworkError|network error|\b(429|5\d\d)\b/i.test(message)
  )
    return 'network';
  if (/context (window|size|length)|kv.?cache.*full/i.test(message)) return 'context-full';
  return 'unknown';
}

export function explainError(e: unknown): Explained {
  const rec = (typeof e === 'object' && e !== null ? e : {}) as Partial<Record<'name' | 'message', unknown>>;
  const name = typeof rec.name === 'string' ? rec.name : 'Error';
  const message = typeof rec.message === 'string' ? rec.message : typeof e === 'string' ? e : '';
  const kind = kindOf(name, message);
  const [title, advice] = TEXT[kind];
  return { kind, title, advice, detail: `${name}: ${message}`.slice(0, 2000) };
}
