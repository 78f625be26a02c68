import { writeFixtures } from './fixtures/models';
import { startRemoteServer } from './fixtures/remote-server';
import { FIXTURES_DIR, REMOTE_PORT } from './paths';

/** Writes the test models and starts the fixture inference server; returns the teardown that stops it. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  writeFixtures(FIXTURES_DIR);
  return startRemoteServer(FIXTURES_DIR, REMOTE_PORT);
}
