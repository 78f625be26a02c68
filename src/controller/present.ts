/**
 * Presentation mode and its demo: entering and leaving, stepping through the script (a step's prompt goes
 * to both panes through the normal send path, once), editing the script (saved with the session), and a
 * link's `present=1`, which opens presentation mode once the linked models are ready — never before the
 * visitor accepted the link, so a link still downloads nothing by itself.
 */
import { demoProblems, markSent, newRun, nextStep, previousStep } from '../store/demo';
import { paneIsComing, useStore } from '../store/store';
import { PANES } from '../store/types';
import { send, stopAll } from './generate';
import { persistNow } from './session';

const patch = (p: Parameters<ReturnType<typeof useStore.getState>['patchPresent']>[0]): void =>
  useStore.getState().patchPresent(p);

export function enterPresentation(): void {
  patch({ on: true, pending: false });
}

export function leavePresentation(): void {
  patch({ on: false, pending: false });
}

/**
 * The next step: its prompt is sent to both panes the first time it is reached; a step reached again (after
 * going back) shows its replies as they are. Returns why it could not move (a pane still answering, no
 * model), or null.
 */
export function demoNext(): string | null {
  const { present, demo } = useStore.getState();
  const { run, send: i } = nextStep(present.run, demo.length);
  if (i === null) {
    patch({ run });
    return null;
  }
  const r = send(demo[i] ?? '');
  if (!r.sent) return r.reason;
  patch({ run: markSent(run, i, r.promptId) });
  return null;
}

/** Back one step: shows it again, sends nothing. */
export function demoBack(): void {
  patch({ run: previousStep(useStore.getState().present.run) });
}

/** "Run the demo": from the first step (a new run: every step is sent again as it is reached). */
export function runDemo(): string | null {
  patch({ run: newRun() });
  return demoNext();
}

/** Stops any reply and goes back to the title card. */
export function endDemo(): void {
  stopAll();
  patch({ run: newRun() });
}

/** Saves an edited script (when it is valid), and starts a new run of it. Returns what is wrong, if anything. */
export function saveDemo(steps: readonly string[]): string[] {
  const cleaned = steps.map((s) => s.trim());
  const problems = demoProblems(cleaned);
  if (problems.length) return problems;
  useStore.setState({ demo: cleaned });
  patch({ run: newRun() });
  persistNow();
  return [];
}

/** A link asked for presentation mode: it opens once no linked model is on its way and one is ready. */
export function watchPresentLink(): () => void {
  const check = (): void => {
    const s = useStore.getState();
    if (!s.present.pending) return;
    if (PANES.some((id) => paneIsComing(s, id))) return;
    if (PANES.some((id) => s.panes[id].status === 'ready')) enterPresentation();
  };
  check();
  return useStore.subscribe((next, prev) => {
    if (next.panes !== prev.panes || next.present !== prev.present || next.linkOffer !== prev.linkOffer)
      check();
  });
}
