import { writeFixtures } from './fixtures/models';
import { FIXTURES_DIR } from './paths';

export default function globalSetup(): void {
  writeFixtures(FIXTURES_DIR);
}
