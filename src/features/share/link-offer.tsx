/**
 * What a shared link asks for, before anything is fetched: each model with where it comes from and what it
 * costs (download size, GPU memory, the pair verdict), and any settings it would change. Nothing happens
 * until the visitor clicks; parts of the link that were refused are said too.
 */
import { useState } from 'react';
import { acceptLink, declineLink } from '../../controller/link';
import { remoteHost } from '../../engine/remote/spec';
import type { ModelSpec } from '../../engine/types';
import { useStore } from '../../store/store';
import { PANES, type PaneId, type Settings } from '../../store/types';
import { formatBytes } from '../../ui/format';
import { deviceMemoryGB, pairModels } from '../device/pair-models';
import { pairVerdict } from '../device/verdict';
import { GGUF_MODELS } from '../../catalog/gguf-catalog';
import { modelLabel } from '../../security/model-label';

const LEVEL = { ok: 'likely to fit', uncertain: 'may not fit', unlikely: 'unlikely to work' } as const;

function cost(spec: ModelSpec): string {
  const host = remoteHost(spec);
  if (host)
    return `runs on an OpenAI-compatible server: your prompts and this pane’s conversation will be sent to ${host}, once you connect`;
  const webllm = pairModels([spec])[0];
  if (webllm)
    return [
      webllm.downloadBytes !== null
        ? `download ≈ ${formatBytes(webllm.downloadBytes)}`
        : 'download size unknown',
      webllm.vramMB !== null ? `GPU memory ≈ ${formatBytes(webllm.vramMB * 1024 ** 2)} (published)` : '',
      'from web-llm’s model list',
    ]
      .filter(Boolean)
      .join(' · ');
  const url = spec.url ? new URL(spec.url) : null;
  const known = GGUF_MODELS.find((g) => g.url === spec.url);
  const size = known
    ? `download ≈ ${formatBytes(known.approxBytes)}`
    : 'download size shown once the download starts';
  return `${size} · runs on the CPU (llama.cpp) · from ${url ? url.host + url.pathname : 'an unknown place'}`;
}

const SETTING_NAMES: Record<string, string> = {
  systemPrompt: 'System prompt',
  temperature: 'Temperature',
  top_p: 'Top p',
  max_tokens: 'Max tokens',
  seed: 'Seed',
  mode: 'Run mode',
  overrides: 'Per-pane overrides',
};

const MODE_WORDS: Record<string, string> = {
  together: 'together (both at once)',
  'in-turn': 'in turn (one after the other)',
};

function settingLines(s: Partial<Settings>): string[] {
  return Object.entries(s).map(([k, v]) => {
    const value = typeof v !== 'string' ? JSON.stringify(v) : k === 'mode' ? (MODE_WORDS[v] ?? v) : `“${v}”`;
    return `${SETTING_NAMES[k] ?? k}: ${value}`;
  });
}

/** The accept button's words: a server is named, with where prompts go, before anything is sent to it. */
function acceptLabel(specs: ModelSpec[]): string {
  const hosts = [...new Set(specs.flatMap((s) => remoteHost(s) ?? []))];
  const local = specs.filter((s) => !remoteHost(s)).length;
  if (!hosts.length) return specs.length ? 'Load the linked models' : 'Use the linked settings';
  const connect = `Connect to ${hosts.join(' and ')} (your prompts will be sent there)`;
  return local ? `${connect} and load the linked model` : connect;
}

export function LinkOffer() {
  const [keys, setKeys] = useState<Partial<Record<PaneId, string>>>({});
  const offer = useStore((s) => s.linkOffer);
  const problems = useStore((s) => s.linkProblems);
  const device = useStore((s) => s.device);
  if (!offer && !problems.length) return null;
  const panes = offer ? PANES.filter((id) => offer.picks[id]) : [];
  const models = offer ? pairModels(panes.map((id) => offer.picks[id])) : [];
  const verdict = device && models.length ? pairVerdict(device, models, deviceMemoryGB()) : null;
  const settings = offer ? settingLines(offer.settings) : [];
  return (
    <section className="link-offer" aria-label="Shared link">
      {offer && (
        <>
          <h2>This link sets up a comparison</h2>
          <p>Nothing is downloaded, and nothing is sent to a server, until you choose to.</p>
          <ul>
            {panes.map((id) => {
              const spec = offer.picks[id];
              return spec ? (
                <li key={id}>
                  <strong>
                    Pane {id.toUpperCase()}: {modelLabel(spec.id)}
                  </strong>{' '}
                  — {cost(spec)}
                  {spec.engine === 'remote' && (
                    <label>
                      {' '}
                      API key for pane {id.toUpperCase()} (optional; kept in this tab’s memory only)
                      <input
                        type="password"
                        autoComplete="off"
                        value={keys[id] ?? ''}
                        onChange={(e) => setKeys({ ...keys, [id]: e.target.value })}
                      />
                    </label>
                  )}
                </li>
              ) : null;
            })}
          </ul>
          {verdict && (
            <p role="status">
              On this device the pair is {LEVEL[verdict.level]}
              {verdict.needMB !== null
                ? ` (needs ≈ ${(verdict.needMB / 1024).toFixed(1)} GB GPU memory)`
                : ''}
              . {verdict.reasons.join(' ')}
            </p>
          )}
          {settings.length > 0 && (
            <>
              <p>It also changes these settings:</p>
              <ul>
                {settings.map((l) => (
                  <li key={l}>{l}</li>
                ))}
              </ul>
            </>
          )}
          <div className="row">
            <button
              type="button"
              onClick={() => {
                const given = keys;
                setKeys({});
                void acceptLink(given);
              }}
            >
              {acceptLabel(panes.flatMap((id) => offer.picks[id] ?? []))}
            </button>
            <button type="button" onClick={declineLink}>
              Not now
            </button>
          </div>
        </>
      )}
      {problems.map((p) => (
        <p key={p} role="alert">
          {p}
        </p>
      ))}
    </section>
  );
}
