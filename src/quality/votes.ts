/**
 * Blind comparison votes and their tally. A vote belongs to one prompt (the id its user message carries in
 * both panes) and records which pane — and so which model — was "Model 1" and "Model 2" when it was cast,
 * so sides can be re-drawn between turns without muddling the count. The tally is per model, not per side.
 * Pure: plain data in, plain data out (saved in IndexedDB and exported as they are).
 */
import { wilson, type Interval } from '../metrics/wilson';
import type { PaneId } from '../store/types';

export const VOTE_CHOICES = ['model1', 'model2', 'tie', 'both-bad'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

/** What each choice is called on the buttons, in the order of the keys 1–4. */
export const CHOICE_WORDS: Record<VoteChoice, string> = {
  model1: 'Model 1 better',
  model2: 'Model 2 better',
  tie: 'Tie',
  'both-bad': 'Both bad',
};

/** One side of a vote: the pane that was shown under that name, and the model it held. */
export interface VoteSide {
  pane: PaneId;
  modelId: string;
}

export interface Vote {
  /** The blind round (1, 2, …): starting blind mode again starts a new round, and a new tally. */
  round: number;
  /** The prompt voted on: the id its user message carries in both panes. */
  promptId: string;
  /** The prompt's text, so the vote still says what it judged after the transcript is cleared. */
  prompt: string;
  choice: VoteChoice;
  /** Epoch ms. */
  at: number;
  model1: VoteSide;
  model2: VoteSide;
}

export interface TallyRow {
  modelId: string;
  /** Set when both sides held the same model: the rows are then told apart by pane. */
  pane: PaneId | null;
  /** Votes this model took part in (every vote has both models). */
  votes: number;
  wins: number;
  losses: number;
  ties: number;
  bothBad: number;
  /** Wins ÷ votes; null with no votes. */
  winRate: number | null;
  /** 95% Wilson score interval of the win rate. */
  ci: Interval | null;
}

type Outcome = 'wins' | 'losses' | 'ties' | 'bothBad';

function outcome(choice: VoteChoice, side: 1 | 2): Outcome {
  if (choice === 'tie') return 'ties';
  if (choice === 'both-bad') return 'bothBad';
  return (choice === 'model1') === (side === 1) ? 'wins' : 'losses';
}

/** Wins, losses, ties and "both bad" per model, with the win rate and its 95% Wilson interval. */
export function tally(votes: readonly Vote[]): TallyRow[] {
  const rows = new Map<string, TallyRow>();
  for (const v of votes) {
    const same = v.model1.modelId === v.model2.modelId;
    for (const [side, s] of [
      [1, v.model1],
      [2, v.model2],
    ] as const) {
      const key = same ? `${s.modelId}\n${s.pane}` : s.modelId;
      const row = rows.get(key) ?? {
        modelId: s.modelId,
        pane: same ? s.pane : null,
        votes: 0,
        wins: 0,
        losses: 0,
        ties: 0,
        bothBad: 0,
        winRate: null,
        ci: null,
      };
      row.votes++;
      row[outcome(v.choice, side)]++;
      rows.set(key, row);
    }
  }
  const out = [...rows.values()].map((r) => ({
    ...r,
    winRate: r.votes ? r.wins / r.votes : null,
    ci: wilson(r.wins, r.votes),
  }));
  return out.sort((x, y) => y.wins - x.wins || x.losses - y.losses);
}

/** The rounds that have votes, oldest first. */
export const votedRounds = (votes: readonly Vote[]): number[] =>
  [...new Set(votes.map((v) => v.round))].sort((x, y) => x - y);

/** A vote cast again for the same prompt replaces the earlier one. */
export function withVote(votes: readonly Vote[], vote: Vote): Vote[] {
  return [...votes.filter((v) => !(v.round === vote.round && v.promptId === vote.promptId)), vote];
}
