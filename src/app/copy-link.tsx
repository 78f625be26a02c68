import { useState } from 'react';
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
            () => setDone(`Copy this link: ${link}`),
          );
        }}
      >
        Copy link to this comparison
      </button>
      <span role="status">{done}</span>
    </span>
  );
}
