/**
 * A SessionReport as JSON, CSV and a Markdown summary. Pure string builders: no store, no DOM.
 *
 * The CSV is one RFC 4180 table (CRLF line ends, fields quoted when they hold a comma, quote, CR or LF,
 * quotes doubled) in "long" form: the `section` column says what a row is — `meta` (key/value: app,
 * device, panes), `turn` (one finished reply) or `memory` (one sample); columns a row does not use are empty.
 */
import type { Check } from '../../metrics/figures';
import { median } from '../../metrics/stats';
import { PANES, type PaneId } from '../../store/types';
import { BLIND_CSV_COLUMNS, blindCsvRows, blindMarkdown } from './blind-builders';
import { QUALITY_CSV_COLUMNS, qualityCsvRows, qualityMarkdown } from './quality-builders';
import type { SessionReport, TurnExport } from './report';

export function toJson(report: SessionReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export type Cell = string | number | boolean | null | undefined;

export function csvField(v: Cell): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_COLUMNS = [
  'section',
  'key',
  'value',
  'pane',
  'turn',
  'model_id',
  'engine',
  'mode',
  'status',
  'started_at_ms',
  'ended_at_ms',
  'tokens',
  'ttft_ms',
  'startup_ms',
  'prompt_ms',
  'first_token_ms',
  'prefill_tok_per_s',
  'decode_tok_per_s',
  'decode_ms',
  'e2e_ms',
  'engine_prompt_tokens',
  'engine_completion_tokens',
  'engine_prefill_tok_per_s',
  'engine_decode_tok_per_s',
  'engine_ttft_ms',
  'engine_decode_ms',
  'engine_decode_same_span_tok_per_s',
  'engine_text_tokens',
  'prompt_vs_engine',
  'decode_vs_engine',
  'tokens_vs_engine',
  't_ms',
  'gpu_live_bytes',
  'gpu_peak_bytes',
  'gpu_buffers',
  'js_heap_bytes',
  'remote_host',
  'cost_usd',
  ...QUALITY_CSV_COLUMNS,
  ...BLIND_CSV_COLUMNS,
] as const;

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], Cell>>;
export type CsvRow = Row;

/** Flattens nested plain objects into dotted keys ("device.vendor"), so new device fields export too. */
function flatten(prefix: string, v: unknown, out: Row[]): void {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    for (const [k, x] of Object.entries(v)) flatten(`${prefix}.${k}`, x, out);
  } else {
    out.push({ section: 'meta', key: prefix, value: Array.isArray(v) ? v.join(' ') : (v as Cell) });
  }
}

/** 'agrees' or 'disagrees' (beyond 5% and the clock's resolution; tokens: exactly), or empty. */
const verdict = (c: Check | null): string | null => (c ? (c.disagrees ? 'disagrees' : 'agrees') : null);

function turnRow(t: TurnExport): Row {
  const m = t.metrics;
  const e = t.engineStats;
  return {
    section: 'turn',
    pane: t.pane,
    turn: t.turn,
    model_id: t.modelId,
    engine: t.engine,
    mode: t.mode,
    status: t.status,
    started_at_ms: t.startedAt,
    ended_at_ms: t.endedAt,
    tokens: m.tokens,
    ttft_ms: m.ttftMs,
    startup_ms: m.startupMs,
    prompt_ms: m.promptMs,
    first_token_ms: m.firstTokenMs,
    prefill_tok_per_s: m.prefillTokensPerS,
    decode_tok_per_s: m.decodeTokensPerS,
    decode_ms: m.decodeMs,
    e2e_ms: m.e2eMs,
    engine_prompt_tokens: e.promptTokens,
    engine_completion_tokens: e.completionTokens,
    engine_prefill_tok_per_s: e.prefillTokensPerS,
    engine_decode_tok_per_s: e.decodeTokensPerS,
    engine_ttft_ms: e.timeToFirstTokenMs,
    engine_decode_ms: e.decodeMs,
    engine_decode_same_span_tok_per_s: m.engine.decodeTokensPerS,
    engine_text_tokens: m.engine.textTokens,
    prompt_vs_engine: verdict(m.checks.prompt),
    decode_vs_engine: verdict(m.checks.decode),
    tokens_vs_engine: verdict(m.checks.tokens),
    remote_host: t.remote?.host ?? null,
    cost_usd: t.costUsd,
  };
}

export function toCsv(report: SessionReport): string {
  const rows: Row[] = [
    { section: 'meta', key: 'format', value: `${report.format} v${report.version}` },
    { section: 'meta', key: 'exported_at', value: report.exportedAt },
    { section: 'meta', key: 'webllm_version', value: report.app.webllmVersion },
  ];
  flatten('device', report.device, rows);
  for (const id of PANES) {
    const p = report.panes[id];
    rows.push({ section: 'meta', key: `pane.${id}.model_id`, value: p.modelId });
    rows.push({ section: 'meta', key: `pane.${id}.runtime`, value: p.runtime });
    rows.push({ section: 'meta', key: `pane.${id}.price_input_usd_per_1m`, value: p.price.inputPerM });
    rows.push({ section: 'meta', key: `pane.${id}.price_output_usd_per_1m`, value: p.price.outputPerM });
    rows.push({ section: 'meta', key: `pane.${id}.cost_usd`, value: p.cost.turns ? p.cost.usd : null });
  }
  for (const id of PANES) rows.push(...report.panes[id].turns.map(turnRow));
  for (const id of PANES) {
    for (const s of report.panes[id].memory) {
      rows.push({
        section: 'memory',
        pane: id,
        t_ms: s.t,
        gpu_live_bytes: s.gpuLiveBytes,
        gpu_peak_bytes: s.gpuPeakBytes,
        gpu_buffers: s.gpuBuffers,
        js_heap_bytes: s.jsHeapBytes,
      });
    }
  }
  rows.push(...qualityCsvRows(report), ...blindCsvRows(report));
  const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((c) => csvField(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** A table cell: pipes escaped, line breaks flattened, so any model id stays in its cell. */
export function mdCell(v: string): string {
  return v
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*[\r\n]+\s*/g, ' ');
}

const num = (x: number | null, digits: number, unit: string): string =>
  x === null ? '—' : `${x.toFixed(digits)} ${unit}`;
const mib = (bytes: number | null): string => (bytes === null ? '—' : `${(bytes / 2 ** 20).toFixed(1)} MiB`);
/** The median over the turns that have the figure, as a table cell. */
const medianCell = (
  turns: TurnExport[],
  pick: (t: TurnExport) => number | null,
  digits: number,
  unit: string,
): string => num(median(turns.map(pick).filter((x): x is number => x !== null)), digits, unit);
const maxOf = (xs: number[]): number | null => (xs.length ? Math.max(...xs) : null);

function paneRows(id: PaneId, report: SessionReport): string[] {
  const p = report.panes[id];
  const models = [...new Set(p.turns.map((t) => t.modelId))];
  return models.map((model) => {
    const turns = p.turns.filter((t) => t.modelId === model);
    const cells = [
      `Pane ${id.toUpperCase()}`,
      model,
      turns[0]?.engine ?? '',
      String(turns.length),
      String(turns.reduce((s, t) => s + t.metrics.tokens, 0)),
      medianCell(turns, (t) => t.metrics.ttftMs, 0, 'ms'),
      medianCell(turns, (t) => t.metrics.decodeTokensPerS, 1, 'tok/s'),
      medianCell(turns, (t) => t.metrics.prefillTokensPerS, 1, 'tok/s'),
      medianCell(turns, (t) => t.metrics.engine.decodeTokensPerS, 1, 'tok/s'),
    ];
    return `| ${cells.map(mdCell).join(' | ')} |`;
  });
}

/** Remote panes' cost at the price entered; nothing when no pane ran on a server. */
function costLines(report: SessionReport): string[] {
  const remote = PANES.filter((id) => report.panes[id].turns.some((t) => t.remote));
  if (!remote.length) return [];
  return [
    '## Cost (remote panes: the server’s token counts × the price entered per 1M tokens)',
    '',
    '| Pane | Server | Price in / out (US$ per 1M) | Turns with a cost | Session cost |',
    '| --- | --- | --- | --- | --- |',
    ...remote.map((id) => {
      const p = report.panes[id];
      const host = p.turns.find((t) => t.remote)?.remote?.host ?? '';
      const price = `${p.price.inputPerM ?? '—'} / ${p.price.outputPerM ?? '—'}`;
      const cost = p.cost.turns ? `$${p.cost.usd.toPrecision(3)}` : '—';
      return `| ${[`Pane ${id.toUpperCase()}`, host, price, `${p.cost.turns} of ${p.cost.turns + p.cost.unknown}`, cost].map(mdCell).join(' | ')} |`;
    }),
    '',
  ];
}

export function toMarkdown(report: SessionReport): string {
  const d = report.device;
  const out = [
    '# Tandem session summary',
    '',
    `Exported ${report.exportedAt} · web-llm ${report.app.webllmVersion}`,
    '',
    d
      ? `Device: ${mdCell([d.vendor, d.architecture, d.description].filter(Boolean).join(' ') || 'unknown GPU')} · WebGPU ${d.webgpu ? 'yes' : 'no'} · shader-f16 ${d.f16 ? 'yes' : 'no'} · maxBufferSize ${mib(d.maxBufferSize)} · maxStorageBufferBindingSize ${mib(d.maxStorageBufferBindingSize)} · ${d.cores} CPU threads`
      : 'Device: not probed',
    '',
    '## Turns (medians over finished turns; timings from the worker’s token timestamps)',
    '',
    '| Pane | Model | Engine | Turns | Tokens | Time to first token | Decode rate | Prefill rate | Engine’s decode (same span) |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...PANES.flatMap((id) => paneRows(id, report)),
    '',
    ...costLines(report),
    '## Memory (peak over the session, tracked in each pane’s worker)',
    '',
    '| Pane | Samples | Peak GPU (live buffers) | Peak worker JS heap |',
    '| --- | --- | --- | --- |',
    ...PANES.map((id) => {
      const mem = report.panes[id].memory;
      const heaps = mem.map((s) => s.jsHeapBytes).filter((x): x is number => x !== null);
      const cells = [
        `Pane ${id.toUpperCase()}`,
        String(mem.length),
        mib(maxOf(mem.map((s) => s.gpuPeakBytes))),
        mib(maxOf(heaps)),
      ];
      return `| ${cells.join(' | ')} |`;
    }),
    '',
    ...qualityMarkdown(report, mdCell),
    ...blindMarkdown(report, mdCell),
  ];
  return out.join('\n');
}
