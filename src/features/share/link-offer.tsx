/**
 * What a shared link asks for, before anything is fetched: each model with where it comes from and what it
 * costs (download size, GPU memory, the pair verdict), and any settings it would change. Nothing happens
 * until the visitor clicks; parts of the link that were refused are said too.
 */
import { useState } from 'react';
import { acceptLink, declineLink } from '../../controller/link';
import { useStore } from '../../store/store';
import type { PaneId } from '../../store/types';
import { deviceMemoryGB, pairModels } from '../device/pair-models';
import { pairVerdict } from '../device/verdict';
import { modelLabel } from '../../security/model-label';
import { useDisplayOrder, usePaneNames, useReveals, useScrub } from '../../store/use-blind';
import { BlindOfferSummary } from './blind-offer';
import { acceptLabel, cost, LEVEL, settingLines } from './offer-words';

export function LinkOffer() {
  const [keys, setKeys] = useState<Partial<Record<PaneId, string>>>({});
  const offer = useStore((s) => s.linkOffer);
  const problems = useStore((s) => s.linkProblems);
  const device = useStore((s) => s.device);
  // While blind, nothing here says which model goes to which side (store/blind-view.ts).
  const identity = useReveals('identity');
  const names = usePaneNames();
  const order = useDisplayOrder();
  const scrub = useScrub();
  if (!offer && !problems.length) return null;
  const panes = offer ? order.filter((id) => offer.picks[id]) : [];
  const models = offer ? pairModels(panes.map((id) => offer.picks[id])) : [];
  const verdict = device && models.length ? pairVerdict(device, models, deviceMemoryGB()) : null;
  const settings = offer ? settingLines(offer.settings) : [];
  const specs = panes.flatMap((id) => offer?.picks[id] ?? []);
  return (
    <section className="link-offer" aria-label="Shared link">
      {offer && (
        <>
          <h2>This link sets up a comparison</h2>
          <p>Nothing is downloaded, and nothing is sent to a server, until you choose to.</p>
          {!identity && <BlindOfferSummary specs={specs} />}
          <ul>
            {panes.map((id) => {
              const spec = offer.picks[id];
              return spec && (identity || spec.engine === 'remote') ? (
                <li key={id}>
                  <strong>
                    {names[id]}: {identity ? modelLabel(spec.id) : 'a model on a server'}
                  </strong>{' '}
                  {identity && `— ${cost(spec)}`}
                  {spec.engine === 'remote' && (
                    <label>
                      {' '}
                      API key for {identity ? `pane ${id.toUpperCase()}` : names[id]} (optional; kept in this
                      tab’s memory only)
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
              . {identity ? verdict.reasons.join(' ') : ''}
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
              {acceptLabel(specs)}
            </button>
            <button type="button" onClick={declineLink}>
              Not now
            </button>
          </div>
        </>
      )}
      {problems.map((p) => (
        <p key={p} role="alert">
          {scrub(p)}
        </p>
      ))}
    </section>
  );
}
