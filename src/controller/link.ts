/**
 * A shared link's offer: nothing it names is fetched until the visitor says yes. Prompts sent while the
 * offer stands wait for its panes; saying no sends them nowhere, and says so in each pane.
 */
import { useStore, type LinkOffer } from '../store/store';
import { PANES, type PaneId } from '../store/types';
import { loadPair } from './load';
import { missQueued } from './queue';
import { setRemoteKey } from './remote-keys';

const named = (o: LinkOffer): PaneId[] => PANES.filter((id) => o.picks[id] !== undefined);

/**
 * Yes to the link: a remote pane connects with the key typed into the offer ('' for none), which stays in
 * this tab's memory; a link never carries one.
 */
export async function acceptLink(keys: Partial<Record<PaneId, string>> = {}): Promise<void> {
  const { linkOffer: offer, setSettings, setPick } = useStore.getState();
  if (!offer) return;
  const panes = named(offer);
  for (const id of panes) if (offer.picks[id]?.engine === 'remote') setRemoteKey(id, keys[id] ?? '');
  for (const id of panes) setPick(id, offer.picks[id] ?? null);
  if (Object.keys(offer.settings).length) setSettings(offer.settings);
  // loadPair marks every pane it will load as loading before it returns control, so no prompt falls between.
  const loading = loadPair(panes);
  useStore.setState({ linkOffer: null });
  await loading;
}

export function declineLink(): void {
  const offer = useStore.getState().linkOffer;
  if (!offer) return;
  useStore.setState({ linkOffer: null });
  for (const id of named(offer)) missQueued(id, 'you chose not to load the model the link named');
}
