/**
 * API keys of remote panes. A key lives here, in this tab's memory, and in the pane's worker: never in the
 * store (whose panes and settings are saved), a link, an export or a log line. After a reload there is none,
 * so a remote pane waits for the visitor to connect it again (the watchdog's reload of a crashed worker
 * uses the key kept here).
 */
import type { PaneId } from '../store/types';

/** '' stands for "connect without a key"; no entry: the visitor has not said yet in this tab. */
const keys = new Map<PaneId, string>();

export function setRemoteKey(pane: PaneId, key: string): void {
  keys.set(pane, key.trim());
}

/** The key to connect with ('' for none), or undefined when the visitor has not given one in this tab. */
export function remoteKeyFor(pane: PaneId): string | undefined {
  return keys.get(pane);
}

export function forgetRemoteKey(pane: PaneId): void {
  keys.delete(pane);
}
