/**
 * A remote pane's price (US$ per 1M input and output tokens, saved with the settings) and what its turns
 * cost at that price, from the server's own token counts. In-browser panes cost a download and memory
 * instead (the comparison table shows both).
 */
import { useShallow } from 'zustand/react/shallow';
import { formatUsd, paneCost } from '../../metrics/cost';
import { LIMITS } from '../../store/settings';
import { useStore } from '../../store/store';
import type { PaneId, Price } from '../../store/types';
import { NumberField } from '../../ui/number-field';

export function RemotePrice({ pane }: { pane: PaneId }) {
  const name = pane.toUpperCase();
  const [remote, price, messages] = useStore(
    useShallow(
      (s) =>
        [s.panes[pane].model?.engine === 'remote', s.settings.prices[pane], s.panes[pane].messages] as const,
    ),
  );
  if (!remote) return null;
  const set = (patch: Partial<Price>): void => {
    const { settings, setSettings } = useStore.getState();
    setSettings({ prices: { ...settings.prices, [pane]: { ...settings.prices[pane], ...patch } } });
  };
  const cost = paneCost(
    messages.flatMap((m) => (m.turn ? [m.turn] : [])),
    price,
  );
  const { min, max, step } = LIMITS.price;
  return (
    <fieldset className="remote-price">
      <legend>Pane {name} price (US$ per 1M tokens)</legend>
      <NumberField
        label="Input"
        value={price.inputPerM}
        onChange={(v) => set({ inputPerM: v })}
        min={min}
        max={max}
        step={step}
        placeholder="e.g. 0.06"
      />
      <NumberField
        label="Output"
        value={price.outputPerM}
        onChange={(v) => set({ outputPerM: v })}
        min={min}
        max={max}
        step={step}
        placeholder="e.g. 0.06"
      />
      <p role="status" aria-label={`Pane ${name} session cost`}>
        Session cost:{' '}
        {cost.turns
          ? `${formatUsd(cost.usd)} over ${cost.turns} turn${cost.turns === 1 ? '' : 's'}`
          : cost.unknown
            ? 'unknown'
            : 'no turns yet'}
        {cost.unknown
          ? ` (${cost.unknown} turn${cost.unknown === 1 ? '' : 's'} without a cost: ${price.inputPerM === null || price.outputPerM === null ? 'set the price' : 'no usage from the server'})`
          : ''}
      </p>
    </fieldset>
  );
}
