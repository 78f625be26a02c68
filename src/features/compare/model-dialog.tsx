/**
 * Choosing a pane's model, one click from the pane: web-llm's list, GGUF files for the CPU engine, a server,
 * or a model by URL. The dialog closes by itself once a load starts (or is refused up front), so the pane's
 * progress, or the reason, is in view.
 */
import { useEffect, useRef } from 'react';
import { useStore } from '../../store/store';
import type { PaneId } from '../../store/types';
import { Dialog } from '../../ui/dialog';
import { ModelPicker } from '../models/model-picker';

export function ModelDialog({ pane, open, onClose }: { pane: PaneId; open: boolean; onClose: () => void }) {
  const status = useStore((s) => s.panes[pane].status);
  const was = useRef(status);
  useEffect(() => {
    if (open && status !== was.current) onClose();
    was.current = status;
  }, [open, status, onClose]);
  const busy = status === 'loading' || status === 'generating';
  return (
    <Dialog open={open} onClose={onClose} title={`Model for pane ${pane.toUpperCase()}`}>
      <ModelPicker pane={pane} disabled={busy} />
    </Dialog>
  );
}
