import { useEffect, useState } from 'react';
import type { CheckResult } from '../../quality/types';
import type { Message } from '../../store/types';

const MARK = { pass: '✓ passed', fail: '✗ failed', none: '–' } as const;

type Checked = { group: string; result: CheckResult } | null;

/**
 * The automatic check of a preset's reply, beside the reply's measurements, recomputed from the transcript
 * (so it survives a reload). The presets and their checks load on first use, not up front.
 */
export function PresetCheck({ presetId, reply }: { presetId: string; reply: Message }) {
  const [checked, setChecked] = useState<Checked | undefined>(undefined);
  const finished = reply.status === 'stop' || reply.status === 'length' || reply.status === 'context';
  const content = finished ? reply.content : null;
  useEffect(() => {
    let live = true;
    void import('../../quality/check-preset').then(async ({ checkPresetReply }) => {
      const r = await checkPresetReply(presetId, content ?? '');
      if (live) setChecked(r);
    });
    return () => {
      live = false;
    };
  }, [presetId, content]);
  if (checked === null) return null;
  const text = !finished
    ? 'not checked: the reply did not finish'
    : checked
      ? `${MARK[checked.result.verdict]}: ${checked.result.detail}`
      : 'checking…';
  return (
    <p className="preset-check" aria-label="Preset check">
      Preset check{checked ? ` (${checked.group})` : ''}: {text}
    </p>
  );
}
