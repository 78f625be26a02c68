import { PACED, writeFixtures, writeModel } from '../e2e/fixtures/models';
import { FIXTURES_DIR } from './config';

/** The generated GGUF models: the looping ones are what the bench streams. */
export default function globalSetup(): void {
  writeFixtures(FIXTURES_DIR);
  writeModel(FIXTURES_DIR, 'paced', PACED);
}
