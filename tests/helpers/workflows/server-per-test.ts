import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach } from 'vitest';
import { CountingServer } from './http-server';

export interface ServerPerTest {
  /** This test's server. */
  server: CountingServer;
  /** Requests to `/slow`: held unanswered (a step stuck mid-call) until the test answers them or ends. */
  parked: ServerResponse[];
}

/**
 * Hooks for a test file whose workflows call HTTP: a fresh CountingServer before each test;
 * after it, the held requests are answered, `cleanup` runs (the test's core), then the server
 * stops. Read `server` and `parked` from the returned object inside a test.
 */
export function serverPerTest(cleanup: () => void): ServerPerTest {
  const fixture = { parked: [] } as unknown as ServerPerTest;
  beforeEach(async () => {
    const parked: ServerResponse[] = [];
    fixture.parked = parked;
    fixture.server = await new CountingServer().start();
    fixture.server.route('/slow', (_hit, res) => void parked.push(res));
  });
  afterEach(async () => {
    for (const res of fixture.parked) if (!res.writableEnded) res.end();
    cleanup();
    await fixture.server.stop();
  });
  return fixture;
}
