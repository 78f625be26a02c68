import { resolve } from 'node:path';

export const FIXTURES_DIR = resolve(
  import.meta.dirname,
  '..',
  process.env.TANDEM_FIXTURES_DIR ?? '.e2e-fixtures',
);
/** Override with TANDEM_PORT to run several suites side by side. */
export const PORT = Number(process.env.TANDEM_PORT ?? 4173);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
/** The fixture inference server (e2e/fixtures/remote-server.ts): its own port, TANDEM_REMOTE_PORT or PORT + 2000. */
export const REMOTE_PORT = Number(process.env.TANDEM_REMOTE_PORT ?? PORT + 2000);
export const REMOTE_URL = `http://127.0.0.1:${REMOTE_PORT}`;
