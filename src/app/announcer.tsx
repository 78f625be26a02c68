import { useEffect, useRef, useState } from 'react';
import { paneName } from '../store/blind-view';
import { useStore } from '../store/store';
import { PANES } from '../store/types';

/** Tells screen-reader users when a pane finishes a reply. */
export function Announcer() {
  const [text, setText] = useState('');
  const counts = useRef<Record<string, number>>({});
  useEffect(
    () =>
      useStore.subscribe((s) => {
        for (const id of PANES) {
          const n = s.panes[id].messages.filter((m) => m.role === 'assistant').length;
          const prev = counts.current[id];
          counts.current[id] = n;
          if (prev !== undefined && n > prev && s.restored) setText(`${paneName(s, id)} finished its reply.`);
        }
      }),
    [],
  );
  return (
    <div className="sr-only" role="status" aria-live="polite">
      {text}
    </div>
  );
}
