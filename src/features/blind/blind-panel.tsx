/**
 * Blind comparison: a switch that hides which model is in which pane (store/blind-view.ts decides what
 * the page may show), sides drawn at random and re-drawn between turns, a vote on each turn, and Reveal,
 * which shows the names and the round's tally.
 */
import { useState } from 'react';
import { redrawBlock, redrawSides, reveal, setHideSpeed } from '../../controller/blind';
import { votedRounds } from '../../quality/votes';
import { useStore } from '../../store/store';
import { TallyTable } from './tally-table';
import { VoteBar } from './vote-bar';
import './blind.css';

function Rounds() {
  const votes = useStore((s) => s.votes);
  const rounds = votedRounds(votes).reverse();
  const [latest, ...earlier] = rounds;
  if (latest === undefined) return null;
  const of = (r: number) => votes.filter((v) => v.round === r);
  return (
    <>
      <TallyTable round={latest} votes={of(latest)} />
      {earlier.length > 0 && (
        <details>
          <summary>Earlier rounds ({earlier.length})</summary>
          {earlier.map((r) => (
            <TallyTable key={r} round={r} votes={of(r)} />
          ))}
        </details>
      )}
    </>
  );
}

function Running() {
  const { round, hideSpeed } = useStore((s) => s.blind);
  const count = useStore((s) => s.votes.filter((v) => v.round === s.blind.round).length);
  const [note, setNote] = useState('');
  return (
    <>
      <p>
        Round {round}: which model is Model 1 (left) and which is Model 2 (right) was drawn at random. {count}{' '}
        {count === 1 ? 'vote' : 'votes'} so far.
      </p>
      <VoteBar />
      <div className="row">
        <button
          type="button"
          onClick={() => setNote(redrawSides() ? 'Sides drawn again.' : (redrawBlock() ?? ''))}
        >
          Re-draw sides
        </button>
        <label>
          <input type="checkbox" checked={hideSpeed} onChange={(e) => setHideSpeed(e.target.checked)} />
          Hide speed figures too
        </label>
        <button type="button" onClick={reveal}>
          Reveal the models and the tally
        </button>
        <span role="status">{note}</span>
      </div>
    </>
  );
}

/** While blind: the votes, re-draw and Reveal, under the prompt. Otherwise: what blind mode does, and the tally. */
export function BlindPanel() {
  const on = useStore((s) => s.blind.on);
  // Another tab saves the conversation: blind mode and votes change there (this tab shows them).
  const follower = useStore((s) => s.tabRole === 'follower');
  return (
    <section className={on ? 'blind blind-on' : 'blind'} aria-label="Blind comparison">
      <div className="row">
        <h2>Blind comparison</h2>
        {follower && <span className="note">Open in another tab: vote there.</span>}
      </div>
      {on ? (
        <fieldset className="blind-controls" disabled={follower}>
          <Running />
        </fieldset>
      ) : (
        <>
          <p className="method">
            The Blind switch at the top hides which model is in which pane — names, files, servers, sizes and
            memory — and draws the sides at random. Vote on each turn (keys 1–4), then reveal the names and
            the tally.
          </p>
          <Rounds />
        </>
      )}
    </section>
  );
}
