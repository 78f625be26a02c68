import { useEffect, useRef, useState } from 'react';
import { paneName } from '../store/blind-view';
import { stepLabel } from '../store/demo';
import { useStore } from '../store/store';
import { PANES } from '../store/types';

/** Tells screen-reader users when a pane finishes a reply, and where a presentation's demo is. */
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
  // Presentation mode: each step change ("Step 2 of 5: <the prompt's start>"), entering and leaving.
  useEffect(
    () =>
      useStore.subscribe((s, p) => {
        if (s.present.on !== p.present.on)
          setText(
            s.present.on
              ? 'Presentation mode. Space or → for the next step, Esc to leave.'
              : 'Left presentation mode.',
          );
        else if (s.present.on && s.present.run.index !== p.present.run.index) {
          const prompt = s.demo[s.present.run.index];
          const label = stepLabel(s.present.run, s.demo.length);
          setText(prompt ? `${label}: ${prompt.slice(0, 80)}` : label);
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
