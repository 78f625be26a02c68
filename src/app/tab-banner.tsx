/** Shown in a tab that is not the one saving the conversation: what that means, and how to move it here. */
import { useState } from 'react';
import { takeOver } from '../controller/tab-lock';
import { useStore } from '../store/store';

export function TabBanner() {
  const follower = useStore((s) => s.tabRole === 'follower');
  return follower ? <FollowerBanner /> : null;
}

function FollowerBanner() {
  const [asked, setAsked] = useState(false);
  return (
    <div className="tab-banner" role="alert" aria-label="Open in another tab">
      <strong>This conversation is open in another tab.</strong> That tab saves it; this one shows it as it
      changes but does not save or send, so the two can never overwrite each other.{' '}
      <button
        type="button"
        disabled={asked}
        onClick={() => {
          setAsked(true);
          takeOver();
        }}
      >
        {asked ? 'Moving it here… (the other tab finishes its replies first)' : 'Use it in this tab'}
      </button>
    </div>
  );
}
