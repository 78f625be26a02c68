import { resolve } from 'node:path';

export const FIXTURES_DIR = resolve(
  import.meta.dirname,
  '..',
  process.env.TANDEM_FIXTURES_DIR ?? '.e2e-fixtures',
);
/** Override with TANDEM_PORT to run several suites side by side. */
export const PORT = Number(process.env.TANDEM_PORT ?? 4173);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
