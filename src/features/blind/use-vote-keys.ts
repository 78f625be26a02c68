/** Keys 1–4 vote on the latest turn while blind, unless the focus is in a text field (the prompt box). */
import { useEffect } from 'react';
import { castVote } from '../../controller/blind';
import { VOTE_CHOICES } from '../../quality/votes';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['checkbox', 'radio', 'button', 'submit', 'range'].includes(target.type)
  );
}

export function useVoteKeys(on: boolean): void {
  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || typing(e.target)) return;
      const choice = VOTE_CHOICES[Number(e.key) - 1];
      if (!/^[1-4]$/.test(e.key) || !choice) return;
      e.preventDefault();
      castVote(choice);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [on]);
}
