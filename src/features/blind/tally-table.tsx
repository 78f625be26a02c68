/** A revealed blind round: wins, losses, ties and "both bad" per model, the win rate with its interval, and each vote. */
import { formatProportion } from '../../metrics/wilson';
import { tally, type TallyRow, type Vote, type VoteSide } from '../../quality/votes';
import { modelLabel } from '../../security/model-label';

const rowName = (r: TallyRow): string =>
  `${modelLabel(r.modelId)}${r.pane ? ` (pane ${r.pane.toUpperCase()})` : ''}`;

const sideName = (s: VoteSide, side: 1 | 2): string =>
  `${modelLabel(s.modelId)} (Model ${side}: pane ${s.pane.toUpperCase()})`;

/** One vote in words, with who was Model 1 and Model 2 when it was cast. */
function voteWords(v: Vote): string {
  const [one, two] = [sideName(v.model1, 1), sideName(v.model2, 2)];
  if (v.choice === 'model1') return `${one} better than ${two}`;
  if (v.choice === 'model2') return `${two} better than ${one}`;
  return `${v.choice === 'tie' ? 'Tie' : 'Both bad'}: ${one} and ${two}`;
}

const clip = (s: string): string => (s.length > 80 ? `${s.slice(0, 79)}…` : s);

export function TallyTable({ round, votes }: { round: number; votes: readonly Vote[] }) {
  const rows = tally(votes);
  return (
    <div className="blind-tally">
      <table aria-label={`Blind round ${round} tally`}>
        <caption>
          Round {round}: {votes.length} {votes.length === 1 ? 'vote' : 'votes'}. Win rate = wins ÷ votes, with
          its 95% Wilson score interval; sides were drawn at random.
        </caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">Wins</th>
            <th scope="col">Losses</th>
            <th scope="col">Ties</th>
            <th scope="col">Both bad</th>
            <th scope="col">Win rate (95% interval)</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.modelId}\n${r.pane ?? ''}`}>
              <th scope="row">{rowName(r)}</th>
              <td>{r.wins}</td>
              <td>{r.losses}</td>
              <td>{r.ties}</td>
              <td>{r.bothBad}</td>
              <td>{formatProportion(r.winRate, r.ci)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>Each vote of round {round}</summary>
        <ol>
          {votes.map((v) => (
            <li key={v.promptId}>
              “{clip(v.prompt)}”: {voteWords(v)}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}
