import { useEffect, useState } from 'react';
import { checkReply } from '../../quality/checks';
import { presetById } from '../../quality/presets';
import type { CheckResult } from '../../quality/types';
import type { Message } from '../../store/types';

const MARK = { pass: '✓ passed', fail: '✗ failed', none: '–' } as const;

/** The automatic check of a preset's reply, beside the reply's measurements (recomputed from the transcript). */
export function PresetCheck({ presetId, reply }: { presetId: string; reply: Message }) {
  const preset = presetById(presetId);
  const [result, setResult] = useState<CheckResult | null>(null);
  const finished = reply.status === 'stop' || reply.status === 'length' || reply.status === 'context';
  useEffect(() => {
    if (!preset || !finished) return;
    let live = true;
    void checkReply(preset.check, reply.content).then((r) => {
      if (live) setResult(r);
    });
    return () => {
      live = false;
    };
  }, [preset, finished, reply.content]);
  if (!preset) return null;
  const text = !finished
    ? 'not checked: the reply did not finish'
    : result
      ? `${MARK[result.verdict]}: ${result.detail}`
      : 'checking…';
  return (
    <p className="preset-check" aria-label="Preset check">
      Preset check ({preset.group}): {text}
    </p>
  );
}
