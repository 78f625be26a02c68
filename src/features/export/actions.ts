/**
 * What the export buttons do, loaded on first click (kept out of the entry bundle): read the store once,
 * build the report, then download it, copy it or draw the charts.
 */
import { useStore } from '../../store/store';
import { toCsv, toJson, toMarkdown } from './builders';
import { collectInput } from './collect';
import { downloadBlob, exportFilename } from './download';
import { chartsToPng } from './png';
import { buildReport } from './report';

const currentReport = () => buildReport(collectInput(useStore.getState(), Date.now()));

/** Downloads the session as JSON or CSV; returns the file name. */
export function saveReport(kind: 'json' | 'csv'): string {
  const report = currentReport();
  const name = exportFilename('session', kind, new Date());
  const [text, type] = kind === 'json' ? [toJson(report), 'application/json'] : [toCsv(report), 'text/csv'];
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), name);
  return name;
}

export async function copyMarkdown(): Promise<void> {
  await navigator.clipboard.writeText(toMarkdown(currentReport()));
}

/** Downloads the charts on the page as one PNG; returns the file name, or null when there is no chart. */
export async function saveChartsPng(): Promise<string | null> {
  const blob = await chartsToPng();
  if (!blob) return null;
  const name = exportFilename('charts', 'png', new Date());
  downloadBlob(blob, name);
  return name;
}
