/** Notices that belong to no pane: what could not be read from the saved session, with a copy of it. */
import { savedBeforeRestore } from '../controller/session';
import { useStore } from '../store/store';
import { useScrub } from '../store/use-blind';
import { downloadSaved } from './saved-export';

export function Notices() {
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismissNotice);
  const scrub = useScrub();
  if (!notices.length) return null;
  const unread = savedBeforeRestore();
  return (
    <section className="notices" aria-label="Notices">
      {notices.map((n) => (
        <p key={n} className="notice" role="status">
          {scrub(n)}{' '}
          <button type="button" onClick={() => dismiss(n)}>
            Dismiss
          </button>
        </p>
      ))}
      {unread !== undefined && (
        <button type="button" onClick={() => downloadSaved(unread, 'saved-session-as-it-was')}>
          Download the saved session as it was (JSON)
        </button>
      )}
    </section>
  );
}
