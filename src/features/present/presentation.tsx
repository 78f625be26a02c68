/**
 * Presentation mode: for a projector or a screen share. Large type, the two panes side by side with the
 * reply to the step shown and their big figures, the step's prompt above them, and the demo's controls;
 * the rest of the page is hidden while it shows. It fills the screen where the browser allows fullscreen,
 * and the page otherwise.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { demoBack, demoNext, leavePresentation, runDemo } from '../../controller/present';
import { useStore } from '../../store/store';
import { useDisplayOrder } from '../../store/use-blind';
import { DemoEditor } from './demo-editor';
import { exitFullscreen, useFullscreen } from './fullscreen';
import { PresentControls } from './present-controls';
import { PresentPane } from './present-pane';
import { SummaryCard } from './summary-card';
import { usePresentKeys } from './use-present-keys';
import './present.css';

/** The prompt shown: the step's, or before the demo starts, the last one sent. */
function usePrompt(): string | null {
  return useStore((s) => {
    const i = s.present.run.index;
    if (i >= 0) return s.demo[i] ?? null;
    return s.panes.a.messages.findLast((m) => m.role === 'user')?.content ?? null;
  });
}

export function Presentation({ shareLink }: { shareLink: () => string }) {
  const order = useDisplayOrder();
  const full = useFullscreen();
  const [editing, setEditing] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const index = useStore((s) => s.present.run.index);
  const steps = useStore((s) => s.demo);
  const promptId = useStore((s) => (index >= 0 ? (s.present.run.sent[index] ?? null) : null));
  const prompt = usePrompt();
  const keys = useMemo(
    () => ({
      next: () => setRefused(useStore.getState().present.run.index < 0 ? runDemo() : demoNext()),
      back: () => {
        setRefused(null);
        demoBack();
      },
      leave: () => {
        leavePresentation();
        exitFullscreen();
      },
    }),
    [],
  );
  usePresentKeys(keys);
  // Focus starts on the presentation (Space then steps, rather than pressing a button that had focus).
  const region = useRef<HTMLElement>(null);
  useEffect(() => region.current?.focus(), []);
  const closeEditor = (): void => {
    setEditing(false);
    // After the dialog has given focus back to its button.
    setTimeout(() => region.current?.focus(), 0);
  };
  return (
    <section className="present" aria-label="Presentation" ref={region} tabIndex={-1}>
      <PresentControls
        full={full}
        onNext={keys.next}
        onRun={() => setRefused(runDemo())}
        onEdit={() => setEditing(true)}
        onLeave={keys.leave}
        shareLink={shareLink}
      />
      {refused && (
        <p className="present-error" role="alert">
          {refused}
        </p>
      )}
      {index >= steps.length ? (
        <SummaryCard />
      ) : (
        <>
          {prompt !== null ? (
            <blockquote className="present-prompt" aria-label="Prompt">
              {prompt}
            </blockquote>
          ) : (
            <p className="present-prompt note">
              The demo has {steps.length} {steps.length === 1 ? 'step' : 'steps'}: press Space or “Run the
              demo” to send the first prompt to both panes.
            </p>
          )}
          <div className="present-panes">
            {order.map((id) => (
              <PresentPane key={id} pane={id} promptId={promptId} />
            ))}
          </div>
        </>
      )}
      <DemoEditor open={editing} onClose={closeEditor} />
    </section>
  );
}
