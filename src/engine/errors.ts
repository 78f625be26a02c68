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
  | 'remote-refused'
  | 'remote-unreachable'
  | 'remote-cors'
  | 'remote-auth'
  | 'remote-model'
  | 'remote-rate-limit'
  | 'remote-server'
  | 'remote-bad-request'
  | 'remote-protocol'
  | 'remote-cut'
  | 'remote-stream-error'
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
  'remote-refused': [
    'This site may not reach that server.',
    'The reason is below. Local servers (localhost, 127.0.0.1) always work; others must be allowed when the site is built.',
  ],
  'remote-unreachable': [
    'Nothing answered at that address.',
    'Check that the server is running and listening on that host and port (Ollama: 11434, vLLM: 8000, llama-server: 8080, LM Studio: 1234), then retry.',
  ],
  // The advice names each server's own setting (checked against their docs; README “Remote panes”).
  'remote-cors': [
    'The server answered, but does not allow this page to read its answers (CORS).',
    'Allow this page’s origin on the server, then retry. Ollama: set OLLAMA_ORIGINS={origin} before `ollama serve` (localhost and 127.0.0.1 pages are allowed by default). vLLM: `vllm serve … --allowed-origins \'["{origin}"]\'` (all origins by default). llama-server: it allows every origin and has no setting for it, so a proxy in front of it is refusing. LM Studio: `lms server start --cors`.',
  ],
  'remote-auth': [
    'The server refused the API key.',
    'Enter the key again (it is kept in this tab’s memory only), or leave it empty if the server needs none.',
  ],
  'remote-model': [
    'The server does not have that model.',
    'Pick one of the models it lists (below), or load the model on the server first.',
  ],
  'remote-rate-limit': [
    'The server is limiting requests.',
    'Wait as long as it asks (below), then send it here again.',
  ],
  'remote-server': [
    'The server failed to answer.',
    'Its own words are below; retry, or check the server’s log.',
  ],
  'remote-bad-request': [
    'The server refused the request.',
    'Its own words are below: often a setting it does not accept (max tokens beyond its context window, say).',
  ],
  'remote-protocol': [
    'The server’s answer is not an OpenAI-compatible stream.',
    'Check the base URL: it is the address the API lives under, usually ending in /v1.',
  ],
  'remote-cut': [
    'The server’s reply stopped mid-way.',
    'What arrived is kept, marked as cut off. Send the prompt again when the server is back.',
  ],
  'remote-stream-error': [
    'The server reported an error while it answered.',
    'What arrived is kept; its own words are below.',
  ],
};

const REMOTE_KINDS: Record<string, ErrorKind> = {
  RemoteRefusedError: 'remote-refused',
  RemoteUnreachableError: 'remote-unreachable',
  RemoteCorsError: 'remote-cors',
  RemoteAuthError: 'remote-auth',
  RemoteModelNotFoundError: 'remote-model',
  RemoteRateLimitError: 'remote-rate-limit',
  RemoteServerError: 'remote-server',
  RemoteBadRequestError: 'remote-bad-request',
  RemoteProtocolError: 'remote-protocol',
  RemoteStreamCutError: 'remote-cut',
  RemoteStreamError: 'remote-stream-error',
};

function kindOf(name: string, message: string): ErrorKind {
  const remote = REMOTE_KINDS[name];
  if (remote) return remote;
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
  const origin = typeof location !== 'undefined' ? location.origin : 'this page’s origin';
  return {
    kind,
    title,
    advice: advice.replaceAll('{origin}', origin),
    detail: `${name}: ${message}`.slice(0, 2000),
  };
}
