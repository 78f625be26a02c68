/**
 * Blind comparison votes as plain export data: every vote with the prompt it judged, who was Model 1 and
 * Model 2 when it was cast, and the turn it belongs to in each pane (the numbers of `panes.<id>.turns`);
 * and each round's tally per model with its 95% Wilson interval. Pure.
 */
import { tally, votedRounds, type Vote, type VoteChoice, type VoteSide } from '../../quality/votes';
import type { Message, PaneId } from '../../store/types';

export interface VoteExport {
  round: number;
  promptId: string;
  prompt: string;
  choice: VoteChoice;
  /** ISO 8601. */
  votedAt: string;
  model1: VoteSide;
  model2: VoteSide;
  /** The turn (1-based, per pane, as in the pane's `turns`) of each pane's reply to the prompt; null: none kept. */
  turns: Record<PaneId, number | null>;
}

export interface TallyExport {
  modelId: string;
  /** Set when both sides held the same model (the rows are told apart by pane). */
  pane: PaneId | null;
  votes: number;
  wins: number;
  losses: number;
  ties: number;
  bothBad: number;
  winRate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

export interface BlindExport {
  method: string;
  rounds: { round: number; votes: number; tally: TallyExport[] }[];
  votes: VoteExport[];
}

export const BLIND_METHOD =
  'Sides (which pane was Model 1, on the left) drawn at random with crypto.getRandomValues when a round started and whenever re-drawn; the names were hidden until Reveal. Win rate = wins ÷ votes, with its 95% Wilson score interval.';

/** The number of the pane's turn that answered the prompt (counting as `paneTurns` does), or null. */
export function turnOfPrompt(messages: readonly Message[], promptId: string): number | null {
  let n = 0;
  let after = false;
  for (const m of messages) {
    if (m.role === 'user') {
      if (after) return null;
      after = m.promptId === promptId;
    } else if (m.turn) {
      n++;
      if (after) return n;
    }
  }
  return null;
}

export function blindExport(
  votes: readonly Vote[],
  messages: Record<PaneId, readonly Message[]>,
): BlindExport | null {
  if (!votes.length) return null;
  return {
    method: BLIND_METHOD,
    rounds: votedRounds(votes).map((round) => {
      const of = votes.filter((v) => v.round === round);
      return {
        round,
        votes: of.length,
        tally: tally(of).map(({ ci, ...r }) => ({ ...r, ciLow: ci?.low ?? null, ciHigh: ci?.high ?? null })),
      };
    }),
    votes: votes.map((v) => ({
      round: v.round,
      promptId: v.promptId,
      prompt: v.prompt,
      choice: v.choice,
      votedAt: new Date(v.at).toISOString(),
      model1: { ...v.model1 },
      model2: { ...v.model2 },
      turns: { a: turnOfPrompt(messages.a, v.promptId), b: turnOfPrompt(messages.b, v.promptId) },
    })),
  };
}
