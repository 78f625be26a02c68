import type { PaneId } from '../../store/types';

/** One column header per taking-part pane. */
export function PaneHeaders({ panes }: { panes: readonly PaneId[] }) {
  return (
    <>
      {panes.map((id) => (
        <th scope="col" key={id}>
          Pane {id.toUpperCase()}
        </th>
      ))}
    </>
  );
}
