/**
 * What happened to a prompt in this pane when it did not go straight to its model: waiting for the model
 * (with a way to take it back), or not sent here (with one click to send it here too).
 */
import { sendHere, unqueue } from '../../controller/queue';
import type { Delivery as DeliveryState, PaneId } from '../../store/types';

function SendHere({ pane, id, takeBlock }: { pane: PaneId; id: string; takeBlock: string | null }) {
  return (
    <>
      <button
        type="button"
        aria-disabled={takeBlock !== null}
        onClick={() => takeBlock === null && void sendHere(pane, id)}
      >
        Send it here too
      </button>
      {takeBlock && <span className="hint"> {takeBlock}</span>}
    </>
  );
}

export function Delivery({
  pane,
  id,
  delivery,
  takeBlock,
}: {
  pane: PaneId;
  id: string;
  delivery: DeliveryState;
  takeBlock: string | null;
}) {
  if (delivery.state === 'queued')
    return (
      <p className="delivery queued" role="status">
        Waiting for this pane’s model: sent as soon as it is ready.{' '}
        <button type="button" onClick={() => unqueue(pane, id)}>
          Don’t send it here
        </button>
      </p>
    );
  return (
    <p className="delivery missed">
      Not sent to this pane: {delivery.reason}. <SendHere pane={pane} id={id} takeBlock={takeBlock} />
    </p>
  );
}

/** A reply that never started here (failed, or stopped before its first token). */
export function NoReply({
  pane,
  answers,
  stopped,
  takeBlock,
}: {
  pane: PaneId;
  answers: string;
  stopped: boolean;
  takeBlock: string | null;
}) {
  return (
    <p className="delivery missed">
      No reply in this pane: {stopped ? 'stopped before it started' : 'it failed'}.{' '}
      <SendHere pane={pane} id={answers} takeBlock={takeBlock} />
    </p>
  );
}
