/** The presentation's control bar: the step indicator and every action, each a named button. */
import { useState } from 'react';
import { demoBack, endDemo } from '../../controller/present';
import { stepLabel } from '../../store/demo';
import { selectAnyBusy, useStore } from '../../store/store';
import { canFullscreen, requestFullscreen } from './fullscreen';

interface Props {
  full: boolean;
  onNext: () => void;
  onRun: () => void;
  onEdit: () => void;
  onLeave: () => void;
  shareLink: () => string;
}

export function PresentControls({ full, onNext, onRun, onEdit, onLeave, shareLink }: Props) {
  const run = useStore((s) => s.present.run);
  const steps = useStore((s) => s.demo.length);
  const busy = useStore(selectAnyBusy);
  const [copied, setCopied] = useState('');
  const started = run.index >= 0;
  const atSummary = run.index >= steps;
  return (
    <div className="present-bar" role="toolbar" aria-label="Presentation controls">
      <p className="present-step">{stepLabel(run, steps)}</p>
      {started && (
        <button type="button" onClick={demoBack}>
          Previous step
        </button>
      )}
      {!started || atSummary ? (
        <button type="button" className="primary" onClick={onRun}>
          {atSummary ? 'Run the demo again' : 'Run the demo'}
        </button>
      ) : (
        <button type="button" className="primary" onClick={onNext}>
          {run.index === steps - 1 ? 'Show the summary' : 'Next step'}
        </button>
      )}
      {busy && (
        <button type="button" className="stop" onClick={endDemo}>
          Stop and end the demo
        </button>
      )}
      <button type="button" onClick={onEdit}>
        Edit the demo
      </button>
      <button
        type="button"
        onClick={() => {
          const link = shareLink();
          navigator.clipboard.writeText(link).then(
            () => setCopied('Link copied: it opens this pair in presentation mode.'),
            () => setCopied('The clipboard refused the link: copy the address bar instead.'),
          );
        }}
      >
        Copy presentation link
      </button>
      {!full && canFullscreen() && (
        <button type="button" onClick={requestFullscreen}>
          Full screen
        </button>
      )}
      <button type="button" onClick={onLeave}>
        Exit presentation
      </button>
      <span role="status" className="sr-only">
        {copied}
      </span>
    </div>
  );
}
