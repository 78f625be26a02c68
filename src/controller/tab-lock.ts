/**
 * One writer at a time. The saved session is one record; two tabs writing it would overwrite each other's
 * conversation. The tab holding a Web Lock is the one that saves; another tab shows the saved conversation
 * as it changes (told over a BroadcastChannel), says why it cannot send, and can take the conversation
 * over: the holder stops its replies, saves, and hands the lock across. Closing the holder hands it on too.
 */
import { useStore } from '../store/store';

const LOCK = 'tandem-session-writer';
const CHANNEL = 'tandem-session';

type Message = { type: 'saved' } | { type: 'handover' };

let channel: BroadcastChannel | null = null;
let release: (() => void) | null = null;
let reload: TabLockHooks['readSaved'] = () => Promise.resolve();

/** Whether this tab may write the saved session (only once it holds the lock). */
export function isWriter(): boolean {
  return useStore.getState().tabRole === 'writer';
}

/** After each save by the writer: the other tabs re-read the session. */
export function announceSaved(): void {
  if (isWriter()) channel?.postMessage({ type: 'saved' } satisfies Message);
}

function holdLock(): Promise<void> {
  useStore.setState({ tabRole: 'writer' });
  return new Promise<void>((resolve) => (release = resolve));
}

/** Waits in line for the lock; when it comes, reads what the previous writer saved, then writes from here. */
function waitForLock(): void {
  void navigator.locks.request(LOCK, async () => {
    // The last writer may have closed mid-reply: its draft becomes an interrupted reply here.
    await reload('take');
    await holdLock();
  });
}

function becomeFollower(): void {
  useStore.setState({ tabRole: 'follower' });
  waitForLock();
}

/** The holder's side of a handover: stop replies, let the last save land, give the lock up. */
async function handOver(save: () => Promise<void>, stop: () => void): Promise<void> {
  if (!release) return;
  stop();
  await new Promise<void>((resolve) => {
    const idle = (): boolean =>
      useStore.getState().panes.a.status !== 'generating' &&
      useStore.getState().panes.b.status !== 'generating';
    if (idle()) return resolve();
    const unsub = useStore.subscribe(() => {
      if (idle()) {
        unsub();
        resolve();
      }
    });
  });
  await save();
  const r = release;
  release = null;
  becomeFollower();
  r();
}

export interface TabLockHooks {
  /**
   * Re-reads the saved conversation into the page: 'mirror' while another tab writes (its streaming reply
   * shows as streaming), 'take' when this tab becomes the writer (a reply left streaming is interrupted).
   */
  readSaved: (how: 'mirror' | 'take') => Promise<void>;
  /** Writes the page's session now. */
  save: () => Promise<void>;
  /** Stops every reply (a handover waits for them to end). */
  stop: () => void;
}

/** Starts the lock; call once the saved session has been read. */
export function startTabLock({ readSaved, save, stop }: TabLockHooks): void {
  reload = readSaved;
  // Without Web Locks (very old browsers) there is no way to coordinate: this tab writes.
  if (typeof navigator === 'undefined' || !('locks' in navigator)) {
    useStore.setState({ tabRole: 'writer' });
    return;
  }
  if (typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (e: MessageEvent<Message>) => {
      if (e.data.type === 'saved' && !isWriter()) void readSaved('mirror');
      if (e.data.type === 'handover') void handOver(save, stop);
    };
  }
  void navigator.locks.request(LOCK, { ifAvailable: true }, async (lock) => {
    if (lock) await holdLock();
    else becomeFollower();
  });
}

/** "Use it here": ask the tab that holds the conversation to hand it over (this tab is already in line). */
export function takeOver(): void {
  channel?.postMessage({ type: 'handover' } satisfies Message);
}
