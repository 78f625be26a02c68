/**
 * Keys 1–4 vote on the latest turn while blind, unless the focus is in a text field (the prompt box) or
 * presentation mode hides the vote buttons (a key must never cast a vote nobody can see).
 */
import { useEffect } from 'react';
import { castVote } from '../../controller/blind';
import { VOTE_CHOICES } from '../../quality/votes';
import { useStore } from '../../store/store';
import { plainKey } from '../../ui/keys';

export function useVoteKeys(on: boolean): void {
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent): void => {
      if (!plainKey(e) || useStore.getState().present.on) return;
      const choice = VOTE_CHOICES[Number(e.key) - 1];
      if (!/^[1-4]$/.test(e.key) || !choice) return;
      e.preventDefault();
      castVote(choice);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [on]);
}
