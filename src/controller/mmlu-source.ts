/**
 * MMLU questions from the Hugging Face datasets-server rows API, kept in IndexedDB so a question is fetched
 * once per browser: a run whose questions are all saved needs no network. Requests go one at a time, in
 * pages of at most 100 rows; HTTP 429 and 5xx and dropped connections are retried with the downloader's
 * backoff (honouring Retry-After), and every failure ends in a sentence saying what to do.
 */
import { getMany, setMany, get, set } from 'idb-keyval';
import { httpError, type NamedError } from '../downloads/errors';
import { abortableSleep, withRetry, type BackoffOptions } from '../downloads/retry';
import { rowsUrl } from '../quality/mmlu';
import { NOT_SENT, parseRows, RowsFormatError, type ParsedRows } from '../quality/rows';
import { rowRanges, type RowsRange } from '../quality/sample';
import type { McQuestion } from '../quality/types';
import { appStore } from './persist';

type Split = 'test' | 'dev';

export const MMLU_BACKOFF: BackoffOptions = { retries: 3, baseDelayMs: 500, maxDelayMs: 8000 };

export interface FetchHooks {
  signal: AbortSignal;
  /** What is happening now, in words (fetching, waiting to retry). */
  onNote: (text: string) => void;
  /** Tests pass a short backoff; the app uses MMLU_BACKOFF. */
  backoff?: BackoffOptions;
}

const rowKey = (config: string, split: Split, idx: number): string => `mmlu-v1/${config}/${split}/${idx}`;
const totalKey = (config: string, split: Split): string => `mmlu-v1/${config}/${split}#total`;

async function fetchRange(
  config: string,
  split: Split,
  range: RowsRange,
  hooks: FetchHooks,
): Promise<ParsedRows> {
  const url = rowsUrl(config, split, range.offset, range.length);
  return withRetry(
    'The dataset server',
    async () => {
      const res = await fetch(url, {
        signal: hooks.signal,
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
      });
      if (!res.ok) throw httpError(res.status, 'The dataset server', url, res.headers.get('Retry-After'));
      let json: unknown;
      try {
        json = await res.json();
      } catch {
        throw new RowsFormatError("The dataset server's answer is not JSON.");
      }
      return parseRows(json, { config, split, ...range });
    },
    {
      opts: hooks.backoff ?? MMLU_BACKOFF,
      signal: hooks.signal,
      random: Math.random,
      sleep: abortableSleep,
      onRetry: (e, attempt, delay) => {
        const why = e.status ? `answered HTTP ${e.status}` : 'could not be reached';
        const of = (hooks.backoff ?? MMLU_BACKOFF).retries;
        hooks.onNote(
          `The dataset server ${why}; trying again in ${(delay / 1000).toFixed(1)} s (retry ${attempt} of ${of}).`,
        );
      },
    },
  );
}

/** A row kept in the browser: the question, or why the server's copy of it cannot be used. */
type SavedRow = McQuestion | { rejected: string };

/**
 * Keeps the fetched rows — the malformed ones with their reason, so a repeated run skips the same rows
 * offline; a row missing from an answer is not kept (it may come next time).
 */
async function saveRows(config: string, split: Split, got: ParsedRows): Promise<void> {
  const entries: [string, SavedRow][] = [
    ...got.questions.map((q): [string, SavedRow] => [rowKey(config, split, q.rowIdx), q]),
    ...got.rejected
      .filter((r) => r.reason !== NOT_SENT)
      .map((r): [string, SavedRow] => [rowKey(config, split, r.rowIdx), { rejected: r.reason }]),
  ];
  await setMany(entries, appStore).catch(() => undefined);
}

/** Rows in a split: saved, or from the first page (whose rows are saved too). */
export async function splitSize(config: string, split: Split, hooks: FetchHooks): Promise<number> {
  const saved = await get<number>(totalKey(config, split), appStore).catch(() => undefined);
  if (typeof saved === 'number') return saved;
  hooks.onNote(`Asking the dataset server how many questions ${config}/${split} has…`);
  const first = await fetchRange(config, split, { offset: 0, length: 100 }, hooks);
  await saveRows(config, split, first);
  await set(totalKey(config, split), first.total, appStore).catch(() => undefined);
  return first.total;
}

export interface FetchedRows {
  questions: Map<number, McQuestion>;
  rejected: Map<number, string>;
}

/** The rows at `indices`, from the browser's store where saved, else from the server (then saved). */
export async function fetchRows(
  config: string,
  split: Split,
  indices: readonly number[],
  hooks: FetchHooks,
): Promise<FetchedRows> {
  const saved = await getMany<SavedRow | undefined>(
    indices.map((i) => rowKey(config, split, i)),
    appStore,
  ).catch(() => indices.map(() => undefined));
  const questions = new Map<number, McQuestion>();
  const rejected = new Map<number, string>();
  indices.forEach((idx, k) => {
    const row = saved[k];
    if (typeof row !== 'object' || row === null) return;
    if ('rejected' in row && typeof row.rejected === 'string') rejected.set(idx, row.rejected);
    else if ('question' in row && typeof row.question === 'string' && Array.isArray(row.choices))
      questions.set(idx, row);
  });
  const wanted = new Set(indices);
  const ranges = rowRanges(indices.filter((i) => !questions.has(i) && !rejected.has(i)));
  for (const [n, range] of ranges.entries()) {
    hooks.onNote(`Fetching questions from the dataset server: request ${n + 1} of ${ranges.length}…`);
    const got = await fetchRange(config, split, range, hooks);
    await saveRows(config, split, got);
    for (const q of got.questions) if (wanted.has(q.rowIdx)) questions.set(q.rowIdx, q);
    for (const r of got.rejected) if (wanted.has(r.rowIdx)) rejected.set(r.rowIdx, r.reason);
  }
  return { questions, rejected };
}

/** A failure of the fetch, as a sentence with the way forward. */
export function explainFetchError(e: unknown): string {
  const err = e as Partial<NamedError> & { message?: string };
  if (err.name === 'RowsFormatError')
    return `${err.message ?? ''} Nothing was saved from it; try again later, or report it if it persists.`;
  if (err.status === 429)
    return 'The dataset server is limiting requests (HTTP 429), and still was after several tries. Wait a minute and press Run again: questions fetched so far are kept.';
  if (err.status !== undefined && err.status >= 500)
    return `The dataset server is failing (HTTP ${err.status}), and still was after several tries. Try again later: questions fetched so far are kept.`;
  if (err.status !== undefined)
    return `The dataset server refused the request (HTTP ${err.status}). The dataset or its layout may have changed.`;
  return 'Could not reach the dataset server (datasets-server.huggingface.co): this browser seems to be offline, and the questions for this sample are not saved here yet. Connect and press Run again; once fetched, questions are kept for later runs.';
}
