/**
 * The frame every chart sits in: a figure with a caption, an HTML legend and a data table to read the
 * numbers from (screen readers, tests). The PNG export reads `figure[data-chart]`: its figcaption, the
 * chart's canvas (`.uplot canvas`, see canvas-chart.tsx) and the legend entries' `data-color`.
 */
import type { ReactNode } from 'react';

export interface LegendEntry {
  label: string;
  color: string;
  dash?: string | undefined;
}

export interface TableSpec {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

function Swatch({ color, dash }: { color: string; dash?: string | undefined }) {
  return (
    <svg width="24" height="10" aria-hidden="true">
      <line x1="0" y1="5" x2="24" y2="5" stroke={color} strokeWidth="3" strokeDasharray={dash} />
    </svg>
  );
}

export function DataTable({ table }: { table: TableSpec }) {
  return (
    <table className="telemetry-table">
      <caption>{table.caption}</caption>
      <thead>
        <tr>
          {table.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((r, i) => (
          <tr key={i}>
            {r.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ChartFigure(props: {
  id: string;
  caption: string;
  method: string;
  legend: LegendEntry[];
  table: TableSpec;
  empty?: string | null;
  children: ReactNode;
}) {
  const captionId = `chart-${props.id}-caption`;
  return (
    <figure className="telemetry-figure" data-chart={props.id} aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <strong>{props.caption}</strong> <span className="telemetry-method">{props.method}</span>
      </figcaption>
      {props.empty ? (
        <p className="telemetry-empty">{props.empty}</p>
      ) : (
        <div
          className="telemetry-plot"
          role="img"
          aria-label={`${props.caption}: chart (numbers in the data table)`}
        >
          {props.children}
        </div>
      )}
      <ul className="telemetry-legend" data-legend="">
        {props.legend.map((l) => (
          <li key={l.label} data-color={l.color} data-dash={l.dash ?? ''}>
            <Swatch color={l.color} dash={l.dash} /> {l.label}
          </li>
        ))}
      </ul>
      <details className="telemetry-data">
        <summary>{props.table.caption}: data table</summary>
        <DataTable table={props.table} />
      </details>
    </figure>
  );
}
