/** A part of the page that names the models (storage, exports): not rendered at all while blind. */
import type { ReactNode } from 'react';
import { useReveals } from '../../store/use-blind';

export function HiddenWhileBlind({ what, children }: { what: string; children: ReactNode }) {
  const identity = useReveals('identity');
  if (identity) return children;
  return <p className="note">{what}: hidden in blind mode (it names the models) until you reveal them.</p>;
}
