/**
 * The demo's last card: per model, what was measured over the demo's turns — median time to first token,
 * median decode rate, tokens streamed, and the automatic checks passed where the steps were presets. Each
 * figure with its unit and how it was measured; blind mode decides what may show (names, speed).
 */
import { useEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CheckVerdict } from '../../quality/types';
import { sentIds } from '../../store/demo';
import { useStore } from '../../store/store';
import type { PaneId } from '../../store/types';
import { useDisplayOrder, useModelName, usePaneName, useReveals } from '../../store/use-blind';
import { usePaneDownloadSize, usePaneMemory } from '../../store/use-figures';
import { formatScore, paneScore } from '../../quality/score';
import { formatBytes, formatMs, formatRate } from '../../ui/format';
import { demoSummary, tallyChecks, type CheckItem } from './summary';

/** The checks of the demo's preset replies (the checkers load on first use). */
function useChecks(items: CheckItem[]): (CheckVerdict | null)[] | null {
  const [out, setOut] = useState<(CheckVerdict | null)[] | null>(null);
  const key = JSON.stringify(items);
  useEffect(() => {
    let live = true;
    void import('../../quality/check-preset').then(async ({ checkPresetReply }) => {
      const parsed = JSON.parse(key) as CheckItem[];
      const rs = await Promise.all(
        parsed.map((c) => (c.reply === null ? Promise.resolve(null) : checkPresetReply(c.presetId, c.reply))),
      );
      if (live) setOut(rs.map((r) => r?.result.verdict ?? null));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return out;
}

/** The last MMLU run's accuracy for the model now in this pane, if a run scored it. */
function useMmlu(pane: PaneId): { text: string; questions: number; seed: number } | null {
  const run = useStore((s) => s.quality.run);
  const model = useStore((s) => s.panes[pane].model?.id);
  if (!run || !model || run.models[pane] !== model) return null;
  const score = paneScore(run, pane);
  if (!score.scored) return null;
  return {
    text: formatScore(score),
    questions: run.questions.length,
    seed: run.config.seed,
  };
}

function ModelColumn({ pane, ids }: { pane: PaneId; ids: string[] }) {
  const name = usePaneName(pane);
  const model = useModelName(pane);
  const speed = useReveals('speed');
  // Memory tells the models apart: never while blind.
  const identity = useReveals('identity');
  const memory = usePaneMemory(pane);
  const download = usePaneDownloadSize(pane);
  const mmlu = useMmlu(pane);
  const messages = useStore((s) => s.panes[pane].messages);
  const sum = useMemo(() => demoSummary(messages, ids), [messages, ids]);
  const verdicts = useChecks(sum.checks);
  const tally = verdicts ? tallyChecks(verdicts) : null;
  const f = sum.figures;
  return (
    <section className="summary-model" aria-label={`${name} summary`}>
      <h3>{model ?? name}</h3>
      <dl>
        {speed && (
          <>
            <div title="Median over the demo's replies of request start → first token (worker timestamps).">
              <dt>Median time to first token</dt>
              <dd>{formatMs(f.medianTtftMs)}</dd>
            </div>
            <div title="Median over the demo's replies of (tokens − 1) ÷ (last token − first token), worker timestamps.">
              <dt>Median decode rate</dt>
              <dd>{formatRate(f.medianDecode)}</dd>
            </div>
          </>
        )}
        <div title="Tokens streamed over the demo's replies, each timestamped in the engine worker.">
          <dt>Tokens</dt>
          <dd>
            {f.tokens} tokens in {f.turns} {f.turns === 1 ? 'reply' : 'replies'}
          </dd>
        </div>
        {sum.checks.length > 0 && (
          <div title="The presets' automatic checks on the finished replies (creative writing has none).">
            <dt>Checks passed</dt>
            <dd>{tally ? `${tally.passed} of ${tally.checked}` : 'checking…'}</dd>
          </div>
        )}
        {identity && (
          <div title={`${memory.method} The last sample.`}>
            <dt>{memory.label}, now</dt>
            <dd>{memory.value}</dd>
          </div>
        )}
        {identity && download.bytes !== null && (
          <div
            title={
              download.exact
                ? 'The file’s own size (the GGUF as fetched, or the web-llm manifest’s shards).'
                : 'Estimated: parameters × bits per weight (the exact size is known once downloaded).'
            }
          >
            <dt>Download</dt>
            <dd>
              {download.exact ? '' : '≈ '}
              {formatBytes(download.bytes)}
            </dd>
          </div>
        )}
        {identity && mmlu && (
          <div
            title={`Measured here: ${mmlu.questions} questions of cais/mmlu (seed ${mmlu.seed}), greedy; 95% Wilson interval. See Quality.`}
          >
            <dt>MMLU sample</dt>
            <dd>{mmlu.text}</dd>
          </div>
        )}
      </dl>
      {sum.unfinished > 0 && (
        <p className="note">
          {sum.unfinished} {sum.unfinished === 1 ? 'step has' : 'steps have'} no finished reply here (not
          counted).
        </p>
      )}
    </section>
  );
}

export function SummaryCard() {
  const order = useDisplayOrder();
  const ids = useStore(useShallow((s) => sentIds(s.present.run)));
  return (
    <section className="summary-card" aria-labelledby="demo-summary-title" tabIndex={0}>
      <h2 id="demo-summary-title">Demo summary</h2>
      <p className="note">
        Measured in this browser over the demo’s {ids.length} {ids.length === 1 ? 'step' : 'steps'}: medians
        over each model’s replies, worker timestamps (the same figures as the panes and the exports).
      </p>
      <div className="summary-models">
        {order.map((id) => (
          <ModelColumn key={id} pane={id} ids={ids} />
        ))}
      </div>
    </section>
  );
}
