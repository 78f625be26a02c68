import { useState } from 'react';
import { useStore } from '../store/store';
import { shareLink } from './bootstrap';

export function CopyLink() {
  const [done, setDone] = useState<string | null>(null);
  return (
    <span className="copy-link">
      <button
        type="button"
        onClick={() => {
          const link = shareLink();
          navigator.clipboard.writeText(link).then(
            () => setDone('Link copied: it opens this pair with these settings.'),
            // While blind the link is not shown: it names the models (it starts blind for whoever opens it).
            () =>
              setDone(
                useStore.getState().blind.on
                  ? 'The clipboard refused the link: copy the address bar instead (it starts blind too).'
                  : `Copy this link: ${link}`,
              ),
          );
        }}
      >
        Copy link<span className="wide-only"> to this comparison</span>
      </button>
      <span role="status">{done}</span>
    </span>
  );
}
