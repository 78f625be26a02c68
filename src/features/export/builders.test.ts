import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { DeviceReport } from '../../device/probe';
import type { MemorySample } from '../../engine/types';
import type { Message, TurnRecord } from '../../store/types';
import { CSV_COLUMNS, csvField, mdCell, toCsv, toJson, toMarkdown } from './builders';
import { buildReport, type ExportInput, type SessionReport } from './report';

/** Reads CSV back with papaparse (independent of the writer): quoted commas, "" and line breaks. */
function parseCsv(text: string): string[][] {
  if (!text.endsWith('\r\n')) throw new Error('CSV does not end with CRLF');
  const r = Papa.parse<string[]>(text.slice(0, -2), { newline: '\r\n' });
  if (r.errors.length) throw new Error(r.errors[0]?.message);
  return r.data;
}

/** Markdown table cells, honouring \| and \\ escapes. */
function mdCells(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  for (let i = 1; i < line.length; i++) {
    const c = line.charAt(i);
    if (c === '\\') cur += line.charAt(++i);
    else if (c === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  return cells;
}

const NASTY = 'gguf "weird", model\nwith | pipes';
const turn = (modelId: string, n: number, start: number): TurnRecord => ({
  mode: 'together',
  modelId,
  engine: 'llama.cpp, wllama 3',
  startedAt: start,
  endedAt: start + 100 + 20 * n,
  tokenTimes: Array.from({ length: n }, (_, i) => start + 100 + 20 * i),
  engineStats: {
    promptTokens: 10,
    // The replies stop on their own: the engine also counts the end-of-turn token.
    completionTokens: n + 1,
    prefillTokensPerS: null,
    decodeTokensPerS: 49.5,
    timeToFirstTokenMs: 95,
  },
  marks: { handedAt: start + 1, promptStartedAt: start + 2, promptDoneAt: start + 98 },
});
const reply = (t: TurnRecord, status: Message['status'] = 'stop'): Message => ({
  id: String(t.startedAt),
  role: 'assistant',
  content: 'x',
  status,
  turn: t,
});
const user: Message = { id: 'u', role: 'user', content: 'hi, "there"' };
const mem = (t: number, live: number, heap: number | null): MemorySample => ({
  t,
  gpuLiveBytes: live,
  gpuPeakBytes: live * 2,
  gpuBuffers: 3,
  jsHeapBytes: heap,
});
const device: DeviceReport = {
  webgpu: true,
  adapter: true,
  vendor: 'google',
  architecture: 'swiftshader',
  description: 'SwiftShader, "CPU" device',
  f16: false,
  maxBufferSize: 2 ** 30,
  maxStorageBufferBindingSize: 2 ** 27,
  storageQuota: null,
  storageUsage: 5,
  cores: 2,
};
const input: ExportInput = {
  exportedAt: Date.UTC(2025, 0, 31, 12),
  webllmVersion: '0.2.86',
  device,
  panes: {
    a: {
      modelId: 'story.gguf',
      runtime: 'llama.cpp',
      messages: [
        user,
        reply(turn('story.gguf', 12, 1000)),
        user,
        reply(turn('story.gguf', 4, 5000), 'abort'),
      ],
      memory: [mem(900, 2 ** 20, 2 ** 21), mem(2900, 3 * 2 ** 20, null)],
    },
    b: {
      modelId: NASTY,
      runtime: null,
      messages: [
        user,
        reply(turn(NASTY, 10, 1010)),
        { id: 'e', role: 'assistant', content: '', status: 'error' },
      ],
      memory: [],
    },
  },
};
const report: SessionReport = buildReport(input);

describe('toJson', () => {
  it('parses back to the same report, with per-turn metrics and token counts', () => {
    const back = JSON.parse(toJson(report)) as SessionReport;
    expect(back).toEqual(report);
    expect(back.app.webllmVersion).toBe('0.2.86');
    expect(back.exportedAt).toBe('2025-01-31T12:00:00.000Z');
    expect(back.panes.a.turns.map((t) => t.metrics.tokens)).toEqual([12, 4]);
    expect(back.panes.b.turns.map((t) => t.metrics.tokens)).toEqual([10]);
    expect(back.panes.a.turns[0]?.metrics.ttftMs).toBe(100);
    expect(back.panes.a.turns[0]?.metrics.decodeTokensPerS).toBeCloseTo(50, 9);
    expect(back.panes.a.turns[1]?.status).toBe('abort');
    expect(back.panes.a.memory).toHaveLength(2);
    expect(back.device?.maxBufferSize).toBe(2 ** 30);
  });
});

describe('toCsv', () => {
  const rows = parseCsv(toCsv(report));
  const header = rows[0] ?? [];
  const records = rows.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
  const section = (s: string) => records.filter((r) => r.section === s);

  it('is one rectangular table with the documented columns', () => {
    expect(header).toEqual([...CSV_COLUMNS]);
    for (const r of rows) expect(r).toHaveLength(CSV_COLUMNS.length);
  });

  it('has one row per finished turn with its metrics, engine stats, mode and model', () => {
    const turns = section('turn');
    expect(turns.map((t) => [t.pane, t.turn, t.tokens])).toEqual([
      ['a', '1', '12'],
      ['a', '2', '4'],
      ['b', '1', '10'],
    ]);
    const first = turns[0];
    expect(first?.model_id).toBe('story.gguf');
    expect(first?.engine).toBe('llama.cpp, wllama 3');
    expect(first?.mode).toBe('together');
    expect(Number(first?.ttft_ms)).toBe(100);
    expect(Number(first?.decode_tok_per_s)).toBeCloseTo(50, 9);
    expect(Number(first?.prefill_tok_per_s)).toBeCloseTo(10 / 0.096, 9);
    expect([first?.startup_ms, first?.prompt_ms, first?.first_token_ms]).toEqual(['2', '96', '2']);
    expect(first?.engine_decode_tok_per_s).toBe('49.5');
    expect(first?.engine_prefill_tok_per_s).toBe('');
    expect([first?.engine_completion_tokens, first?.engine_text_tokens]).toEqual(['13', '12']);
    expect([first?.prompt_vs_engine, first?.decode_vs_engine, first?.tokens_vs_engine]).toEqual([
      'agrees',
      'agrees',
      'agrees',
    ]);
    expect(turns[2]?.model_id).toBe(NASTY);
  });

  it('has every memory sample and the device and app as key/value rows', () => {
    const memory = section('memory');
    expect(memory.map((m) => [m.pane, m.t_ms, m.gpu_live_bytes, m.js_heap_bytes])).toEqual([
      ['a', '900', String(2 ** 20), String(2 ** 21)],
      ['a', '2900', String(3 * 2 ** 20), ''],
    ]);
    const meta = Object.fromEntries(
      section('meta').map((m): [string, string] => [m.key ?? '', m.value ?? '']),
    );
    expect(meta.webllm_version).toBe('0.2.86');
    expect(meta['device.description']).toBe(device.description);
    expect(meta['device.maxStorageBufferBindingSize']).toBe(String(2 ** 27));
    expect(meta['device.f16']).toBe('false');
    expect(meta['pane.b.model_id']).toBe(NASTY);
  });

  it('quotes only what needs quoting', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField(null)).toBe('');
    expect(csvField(NaN)).toBe('');
    expect(csvField(1.5)).toBe('1.5');
  });
});

describe('toMarkdown', () => {
  const md = toMarkdown(report);
  const lines = md.split('\n');
  const tableRows = lines.filter((l) => /^\| Pane [AB] /.test(l)).map(mdCells);

  it('has one summary row per pane and model, with medians and units', () => {
    const [a, b] = tableRows;
    expect(a?.slice(0, 5)).toEqual(['Pane A', 'story.gguf', 'llama.cpp, wllama 3', '2', '16']);
    expect(a?.[5]).toBe('100 ms');
    expect(a?.[6]).toBe('50.0 tok/s');
    expect(a?.[8]).toBe('49.5 tok/s');
    // The nasty model id stays in one cell: pipes escaped, line break flattened.
    expect(b?.[1]).toBe('gguf "weird", model with | pipes');
    expect(b?.[4]).toBe('10');
  });

  it('names the device, the web-llm version and the memory peaks', () => {
    expect(md).toContain('web-llm 0.2.86');
    expect(md).toContain('google swiftshader SwiftShader, "CPU" device');
    expect(md).toContain('maxBufferSize 1024.0 MiB');
    const memA = tableRows.find((r) => r[0] === 'Pane A' && r.length === 4);
    expect(memA).toEqual(['Pane A', '2', '6.0 MiB', '2.0 MiB']);
    expect(tableRows.find((r) => r[0] === 'Pane B' && r.length === 4)).toEqual(['Pane B', '0', '—', '—']);
  });

  it('escapes cells', () => {
    expect(mdCell('a|b\\c\r\n d')).toBe('a\\|b\\\\c d');
  });
});

describe('remote panes in the exports', () => {
  const remoteTurn: TurnRecord = {
    ...turn('remote:story @ http://127.0.0.1:8080/v1', 12, 5000),
    engineStats: { ...turn('x', 12, 0).engineStats, promptTokens: 1_000_000, completionTokens: 500_000 },
    remote: { host: '127.0.0.1:8080' },
  };
  const input = (price: { inputPerM: number | null; outputPerM: number | null }): ExportInput => ({
    exportedAt: Date.UTC(2025, 0, 1),
    webllmVersion: '0.2.86',
    device: null,
    panes: {
      a: { modelId: null, runtime: null, messages: [user, reply(turn('a.gguf', 4, 100))], memory: [] },
      b: { modelId: 'r', runtime: 'server', messages: [user, reply(remoteTurn)], memory: [], price },
    },
  });

  it('each remote turn carries its host and its cost at the pane’s price; the session is summed', () => {
    const r = buildReport(input({ inputPerM: 0.06, outputPerM: 0.12 }));
    expect(r.panes.b.turns[0]).toMatchObject({ remote: { host: '127.0.0.1:8080' }, costUsd: 0.12 });
    expect(r.panes.a.turns[0]).toMatchObject({ remote: null, costUsd: null });
    expect(r.panes.b.cost).toEqual({ usd: 0.12, turns: 1, unknown: 0 });
    const rows = parseCsv(toCsv(r));
    const header = rows[0] ?? [];
    const turnRows = rows.filter((row) => row[0] === 'turn');
    const col = (name: string) => header.indexOf(name);
    expect(turnRows.map((row) => [row[col('remote_host')], row[col('cost_usd')]])).toEqual([
      ['', ''],
      ['127.0.0.1:8080', '0.12'],
    ]);
    expect(toMarkdown(r)).toContain('| Pane B | 127.0.0.1:8080 | 0.06 / 0.12 | 1 of 1 | $0.120 |');
  });

  it('without a price there is no cost, never a guessed one', () => {
    const r = buildReport(input({ inputPerM: null, outputPerM: null }));
    expect(r.panes.b.turns[0]?.costUsd).toBeNull();
    expect(r.panes.b.cost).toEqual({ usd: 0, turns: 0, unknown: 1 });
  });
});
