import { writeFixtures } from '../e2e/fixtures/models';
import { FIXTURES_DIR } from './config';

/** The generated GGUF models (the looping one is what the bench streams). */
export default function globalSetup(): void {
  writeFixtures(FIXTURES_DIR);
}
