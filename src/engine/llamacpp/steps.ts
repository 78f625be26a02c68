/**
 * wllama runs llama.cpp in a worker of its own and drives it one call ("step") at a time: a `completion`
 * call applies the chat template, tokenizes and queues the request; then each `get_result` call runs the
 * server loop until it has something to return (the first one processes the whole prompt and samples the
 * first token) and returns one queued result. Timing those calls here, in the engine worker, splits the
 * time to first token with our own clock.
 *
 * wllama 3.13 has no public hook for this: it wraps the instance's `proxy.wllamaAction` (a private field;
 * the version is pinned in package.json). If the field is missing, nothing is recorded and the turn
 * simply has no split.
 */
import type { Wllama } from '@wllama/wllama';
import { now } from '../types';

export interface Step {
  name: string;
  calledAt: number;
  returnedAt: number;
}

interface Proxy {
  wllamaAction: (name: string, body: unknown) => Promise<unknown>;
}

function proxyOf(w: Wllama): Proxy | null {
  const p = (w as unknown as { proxy?: unknown }).proxy;
  if (typeof p !== 'object' || p === null) return null;
  const action = (p as { wllamaAction?: unknown }).wllamaAction;
  return typeof action === 'function' ? (p as Proxy) : null;
}

/** Starts recording w's steps; `take` returns those since the last take. Call after the model loaded. */
export function recordSteps(w: Wllama): { take: () => Step[] } {
  let steps: Step[] = [];
  const proxy = proxyOf(w);
  if (proxy) {
    const action = proxy.wllamaAction.bind(proxy);
    proxy.wllamaAction = async (name, body) => {
      const calledAt = now();
      const out = await action(name, body);
      steps.push({ name, calledAt, returnedAt: now() });
      return out;
    };
  }
  return {
    take() {
      const out = steps;
      steps = [];
      return out;
    },
  };
}

/**
 * The prompt's step: the first `get_result` after the `completion` call. Its call marks the prompt handed
 * to llama.cpp (template applied, tokens queued), its return the prompt processed and the first token
 * sampled. The shortest `get_result` of the turn is a step's fixed cost (the message round trip).
 */
export function promptSteps(steps: readonly Step[]): {
  promptStartedAt: number | null;
  promptDoneAt: number | null;
  stepMs: number | null;
} {
  const done = steps.findIndex((s) => s.name === 'completion');
  const gets = steps.filter((s, i) => i > done && done >= 0 && s.name === 'get_result');
  const prompt = gets[0];
  const rest = gets.slice(1).map((s) => s.returnedAt - s.calledAt);
  return {
    promptStartedAt: prompt?.calledAt ?? null,
    promptDoneAt: prompt?.returnedAt ?? null,
    stepMs: rest.length ? Math.min(...rest) : null,
  };
}
