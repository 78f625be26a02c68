/** The vote on the latest turn: four buttons (keys 1–4), the vote cast so far, and why voting waits. */
import { useShallow } from 'zustand/react/shallow';
import { castVote } from '../../controller/blind';
import { CHOICE_WORDS, VOTE_CHOICES } from '../../quality/votes';
import { useStore } from '../../store/store';
import { votableTurn } from '../../store/votable';
import { useVoteKeys } from './use-vote-keys';

export function VoteBar() {
  const turn = useStore(useShallow((s) => votableTurn(s.panes) ?? { promptId: '', prompt: '' }));
  const current = useStore(
    (s) => s.votes.find((v) => v.round === s.blind.round && v.promptId === turn.promptId)?.choice ?? null,
  );
  useVoteKeys(true);
  const open = turn.promptId !== '';
  return (
    <div className="vote-bar" role="group" aria-label="Vote on this turn">
      {VOTE_CHOICES.map((choice, i) => (
        <button
          key={choice}
          type="button"
          aria-pressed={current === choice}
          aria-keyshortcuts={String(i + 1)}
          disabled={!open}
          onClick={() => castVote(choice)}
        >
          {CHOICE_WORDS[choice]} <kbd aria-hidden="true">{i + 1}</kbd>
        </button>
      ))}
      <p className="vote-status" role="status">
        {!open
          ? 'Vote once both replies to a prompt are in.'
          : current
            ? `Your vote on this turn: ${CHOICE_WORDS[current]}. Press another to change it.`
            : 'Which reply is better? Keys 1–4 vote when the prompt box is not focused.'}
      </p>
    </div>
  );
}
