/**
 * The Blind switch, in the top bar so it stays in one place whether blind mode is on or off. Turning it off
 * is Reveal. Another tab that saves the conversation owns blind mode; this tab shows it and cannot change it.
 */
import { reveal, startBlind } from '../../controller/blind';
import { useStore } from '../../store/store';

export function BlindSwitch() {
  const on = useStore((s) => s.blind.on);
  const follower = useStore((s) => s.tabRole === 'follower');
  return (
    <label className="switch" title={follower ? 'Open in another tab: change it there.' : undefined}>
      <input
        type="checkbox"
        role="switch"
        checked={on}
        disabled={follower}
        onChange={() => (on ? reveal() : startBlind())}
      />
      Blind
    </label>
  );
}
