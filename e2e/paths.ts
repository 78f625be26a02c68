import { resolve } from 'node:path';

export const FIXTURES_DIR = resolve(import.meta.dirname, '..', '.e2e-fixtures');
export const PORT = 4173;
export const BASE_URL = `http://127.0.0.1:${PORT}`;
