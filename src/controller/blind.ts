/**
 * Blind comparison: starting it (sides drawn at random, a new round), re-drawing sides between turns,
 * votes on the latest turn, and Reveal. Everything here is saved with the session, so a reload keeps
 * blind mode, the sides and the votes.
 */
import { useStore } from '../store/store';
import { votableTurn } from '../store/votable';
import { otherPane } from '../store/blind-view';
import type { PaneId } from '../store/types';
import { withVote, type VoteChoice } from '../quality/votes';
import { persistNow } from './session';

/** Pane A or pane B as Model 1, with even odds from the browser's cryptographic random source. */
export function drawModel1(): PaneId {
  const b = new Uint8Array(1);
  crypto.getRandomValues(b);
  return ((b[0] ?? 0) & 1) === 0 ? 'a' : 'b';
}

/** Another tab holds the conversation (and saves it): blind mode and votes change there, not here. */
const follower = (): boolean => useStore.getState().tabRole === 'follower';

const streaming = (): boolean =>
  Object.values(useStore.getState().panes).some((p) => p.status === 'generating' || p.draft !== null);

/** Blind mode on: sides drawn at random, and a new round (its own tally; earlier rounds' votes are kept). */
export function startBlind(): void {
  const { blind, patchBlind } = useStore.getState();
  if (blind.on || follower()) return;
  patchBlind({ on: true, model1: drawModel1(), round: blind.round + 1 });
  persistNow();
}

/** Why the sides cannot be re-drawn now, or null when they can. */
export function redrawBlock(): string | null {
  if (!useStore.getState().blind.on) return 'Blind mode is off.';
  if (follower()) return 'This conversation is open in another tab: change sides there.';
  return streaming() ? 'Wait until both replies have finished: sides change only between turns.' : null;
}

/** Draws the sides again (between turns only). */
export function redrawSides(): boolean {
  if (redrawBlock() !== null) return false;
  useStore.getState().patchBlind({ model1: drawModel1() });
  persistNow();
  return true;
}

/** Shows the names and the round's tally: blind mode ends for this round. */
export function reveal(): void {
  const { blind, patchBlind } = useStore.getState();
  if (!blind.on || follower()) return;
  patchBlind({ on: false });
  persistNow();
}

export function setHideSpeed(hideSpeed: boolean): void {
  if (follower()) return;
  useStore.getState().patchBlind({ hideSpeed });
  persistNow();
}

/**
 * A vote on the latest turn (replacing an earlier vote on it), with the sides as they are now. False when
 * there is no turn to vote on (blind mode off, a reply still coming, no prompt sent in blind mode).
 */
export function castVote(choice: VoteChoice): boolean {
  const s = useStore.getState();
  const turn = votableTurn(s.panes);
  if (!s.blind.on || !turn || follower()) return false;
  const side = (pane: PaneId) => ({ pane, modelId: s.panes[pane].model?.id ?? 'no model' });
  const vote = {
    round: s.blind.round,
    promptId: turn.promptId,
    prompt: turn.prompt,
    choice,
    at: Date.now(),
    model1: side(s.blind.model1),
    model2: side(otherPane(s.blind.model1)),
  };
  s.setVotes((votes) => withVote(votes, vote));
  persistNow();
  return true;
}

/** The replies a vote judged are gone (asked again, or the prompt taken back): so is the vote. */
export function dropVotesFor(promptIds: readonly string[]): void {
  const ids = new Set(promptIds);
  const { votes, setVotes, blind } = useStore.getState();
  // A revealed round's tally stays as it was revealed.
  if (blind.on && votes.some((v) => v.round === blind.round && ids.has(v.promptId)))
    setVotes((vs) => vs.filter((v) => !(v.round === blind.round && ids.has(v.promptId))));
}
