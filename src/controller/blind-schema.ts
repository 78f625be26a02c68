/**
 * Blind mode and its votes as saved with the session, checked like the rest of it (session-schema.ts): a
 * vote that is not one is left out and the reader told; blind state that cannot be read is off, so a
 * broken record never hides names forever — nor shows them, for it never holds more than the panes do.
 */
import * as v from 'valibot';
import { VOTE_CHOICES, type Vote, type VoteSide } from '../quality/votes';
import { initialBlind, type BlindState } from '../store/blind-slice';
import { count, finite, isRecord, type Assert, type Same } from './saved-settings';

const PANE = v.picklist(['a', 'b']);

const BlindSchema = v.object({
  on: v.boolean(),
  model1: PANE,
  round: count,
  hideSpeed: v.boolean(),
});

const Side = v.object({ pane: PANE, modelId: v.string() });

const VoteSchema = v.object({
  round: count,
  promptId: v.pipe(v.string(), v.minLength(1)),
  prompt: v.string(),
  choice: v.picklist(VOTE_CHOICES),
  at: finite,
  model1: Side,
  model2: Side,
});

export type BlindSchemasMatchStore = [
  Assert<Same<v.InferOutput<typeof BlindSchema>, BlindState>>,
  Assert<Same<v.InferOutput<typeof Side>, VoteSide>>,
  Assert<Same<v.InferOutput<typeof VoteSchema>, Vote>>,
];

export function readBlind(raw: unknown, problems: string[]): BlindState {
  if (raw === undefined) return initialBlind;
  const r = v.safeParse(BlindSchema, raw);
  if (r.success) return r.output;
  problems.push('The saved blind comparison settings could not be read: blind mode is off.');
  // The round number survives when it can be read, so new votes never join an earlier round.
  return { ...initialBlind, round: isRecord(raw) && v.is(count, raw.round) ? raw.round : 0 };
}

export function readVotes(raw: unknown, problems: string[]): Vote[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push('The saved blind votes could not be read and were left out.');
    return [];
  }
  const votes = raw.flatMap((x) => {
    const r = v.safeParse(VoteSchema, x);
    return r.success ? [r.output] : [];
  });
  const lost = raw.length - votes.length;
  if (lost > 0)
    problems.push(
      `${lost} saved blind ${lost === 1 ? 'vote' : 'votes'} could not be read and ${lost === 1 ? 'was' : 'were'} left out.`,
    );
  return votes;
}
