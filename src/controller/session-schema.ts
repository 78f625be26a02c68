/**
 * The saved session is data from outside the running app (an older version wrote it, an extension or a
 * crash may have mangled it), so it is checked before it reaches the store: what is valid is kept, what
 * is not is left out, and the reader is told what was left out. A record that crashed the app on every
 * load (`messages: null`, a model spec that is not one) now restores what it can.
 *
 * Schemas: valibot — modular (only the validators used are bundled: this runs at start-up, in the main
 * chunk), typed output, maintained. Each schema's output type is checked against the store's types, so a
 * field added there fails to compile here until it is validated too.
 */
import * as v from 'valibot';
import type { EngineKind, EngineStats, ModelSpec, PromptMarks } from '../engine/types';
import type { Delivery, Draft, Message, PaneId, ReplyStatus, Settings, TurnRecord } from '../store/types';
import type { Vote } from '../quality/votes';
import type { BlindState } from '../store/blind-slice';
import { readBlind, readVotes } from './blind-schema';
import { count, finite, isRecord, MODES, readSettings, type Assert, type Same } from './saved-settings';

function isHttpUrl(s: string): boolean {
  try {
    return /^https?:$/.test(new URL(s).protocol);
  } catch {
    return false;
  }
}
const httpUrl = v.pipe(v.string(), v.check(isHttpUrl));

const ENGINES = ['webllm', 'llamacpp', 'remote'] as const satisfies readonly EngineKind[];
const STATUSES = [
  'stop',
  'length',
  'abort',
  'error',
  'interrupted',
  'context',
  'cut',
] as const satisfies readonly ReplyStatus[];

const Model = v.pipe(
  v.object({
    engine: v.picklist(ENGINES),
    id: v.pipe(v.string(), v.minLength(1)),
    url: v.optional(httpUrl),
    modelLib: v.optional(httpUrl),
    contextWindow: v.optional(v.pipe(count, v.minValue(1))),
    serverModel: v.optional(v.string()),
  }),
  v.check((m) => m.engine !== 'llamacpp' || m.url !== undefined, 'a GGUF model needs its URL'),
  v.check(
    (m) => m.engine !== 'remote' || (m.url !== undefined && m.serverModel !== undefined),
    'a server model needs its address and name',
  ),
);

const Stats = v.object({
  promptTokens: v.nullable(finite),
  completionTokens: v.nullable(finite),
  prefillTokensPerS: v.nullable(finite),
  decodeTokensPerS: v.nullable(finite),
  timeToFirstTokenMs: v.nullable(finite),
  decodeMs: v.optional(v.nullable(finite)),
});

const Marks = v.object({
  handedAt: finite,
  promptStartedAt: v.nullable(finite),
  promptDoneAt: v.nullable(finite),
  stepMs: v.optional(v.nullable(finite)),
});

const DeliverySchema = v.variant('state', [
  v.object({ state: v.literal('queued') }),
  v.object({ state: v.literal('missed'), reason: v.string() }),
]);

const Turn = v.object({
  mode: v.picklist(MODES),
  modelId: v.string(),
  engine: v.string(),
  startedAt: finite,
  endedAt: finite,
  tokenTimes: v.array(finite),
  engineStats: Stats,
  marks: v.optional(Marks),
  delayed: v.optional(v.boolean()),
  remote: v.optional(v.object({ host: v.string(), seedDropped: v.optional(v.boolean()) })),
});

/** A message without its turn record: a broken record costs the timings, not the text. */
const MessageBody = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  role: v.picklist(['user', 'assistant']),
  content: v.string(),
  status: v.optional(v.picklist(STATUSES)),
  turn: v.optional(v.unknown()),
  delivery: v.optional(DeliverySchema),
  presetId: v.optional(v.string()),
  promptId: v.optional(v.string()),
});

const DraftSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1)),
  replyTo: v.optional(v.string()),
  text: v.string(),
  tokenTimes: v.array(finite),
  startedAt: finite,
  mode: v.picklist(MODES),
});

export type SchemasMatchStore = [
  Assert<Same<v.InferOutput<typeof Model>, ModelSpec>>,
  Assert<Same<v.InferOutput<typeof Stats>, EngineStats>>,
  Assert<Same<v.InferOutput<typeof Marks>, PromptMarks>>,
  Assert<Same<v.InferOutput<typeof DeliverySchema>, Delivery>>,
  Assert<Same<v.InferOutput<typeof Turn>, TurnRecord>>,
  Assert<Same<Omit<v.InferOutput<typeof MessageBody>, 'turn'>, Omit<Message, 'turn'>>>,
  Assert<Same<v.InferOutput<typeof DraftSchema>, Draft>>,
];

export interface SavedPane {
  model: ModelSpec | null;
  messages: Message[];
  draft: Draft | null;
}

export interface SavedSession {
  panes: Record<PaneId, SavedPane>;
  settings: Settings;
  /** Blind mode and its votes (absent in sessions saved before blind mode existed). */
  blind: BlindState;
  votes: Vote[];
}

export interface ReadSession {
  session: SavedSession;
  /** What was left out, for the reader; empty when everything was read. */
  problems: string[];
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

function readMessages(raw: unknown): { messages: Message[]; dropped: number; timings: number } {
  if (!Array.isArray(raw)) return { messages: [], dropped: raw === undefined ? 0 : -1, timings: 0 };
  const messages: Message[] = [];
  let dropped = 0;
  let timings = 0;
  for (const item of raw) {
    const m = v.safeParse(MessageBody, item);
    if (!m.success) {
      dropped++;
      continue;
    }
    const { turn: rawTurn, ...body } = m.output;
    const turn = rawTurn === undefined ? undefined : v.safeParse(Turn, rawTurn);
    if (turn && !turn.success) timings++;
    messages.push(turn?.success ? { ...body, turn: turn.output } : body);
  }
  return { messages, dropped, timings };
}

function readPane(raw: unknown, name: string, problems: string[]): SavedPane {
  const pane: SavedPane = { model: null, messages: [], draft: null };
  if (raw === undefined) return pane;
  if (!isRecord(raw)) {
    problems.push(`Pane ${name}: the saved conversation could not be read and was left out.`);
    return pane;
  }
  const model = raw.model == null ? null : v.safeParse(Model, raw.model);
  if (model && !model.success)
    problems.push(`Pane ${name}: the saved model could not be read; choose a model again.`);
  pane.model = model?.success ? model.output : null;
  const { messages, dropped, timings } = readMessages(raw.messages);
  pane.messages = messages;
  const draft = raw.draft == null ? null : v.safeParse(DraftSchema, raw.draft);
  pane.draft = draft?.success ? draft.output : null;
  const lost = dropped + (draft && !draft.success ? 1 : 0);
  if (dropped < 0) problems.push(`Pane ${name}: the saved conversation could not be read and was left out.`);
  else if (lost > 0)
    problems.push(
      `Pane ${name}: ${plural(lost, 'saved message', 'saved messages')} could not be read and ${lost === 1 ? 'was' : 'were'} left out.`,
    );
  if (timings > 0)
    problems.push(
      `Pane ${name}: the timings of ${plural(timings, 'saved reply', 'saved replies')} could not be read and were left out.`,
    );
  return pane;
}

/** Reads a saved session, keeping what is valid. Never throws. */
export function readSavedSession(raw: unknown): ReadSession {
  const problems: string[] = [];
  const record = isRecord(raw) ? raw : {};
  if (!isRecord(raw) || (raw.panes !== undefined && !isRecord(raw.panes)))
    problems.push('The saved conversations could not be read and were left out.');
  const panes = isRecord(record.panes) ? record.panes : {};
  const session: SavedSession = {
    panes: { a: readPane(panes.a, 'A', problems), b: readPane(panes.b, 'B', problems) },
    settings: readSettings(record.settings, problems),
    blind: readBlind(record.blind, problems),
    votes: readVotes(record.votes, problems),
  };
  return { session, problems };
}
