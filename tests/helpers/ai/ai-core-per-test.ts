import { afterEach, beforeEach } from 'vitest';
import type { Core } from '../../../src-main/core';
import { aiCore } from './ai-core';
import { startFakeOpenAi, type FakeOpenAiServer } from './openai-server';

export interface AiCorePerTest {
  /** This test's fake model server. */
  server: FakeOpenAiServer;
  /** This test's real core, pointed at `server`, with the key set. */
  core: Core;
}

/** Hooks for a test file about the model: a fresh fake server and a real core on it before each test, both closed after. Read them inside a test. */
export function aiCorePerTest(): AiCorePerTest {
  const fixture = {} as AiCorePerTest;
  beforeEach(async () => {
    fixture.server = await startFakeOpenAi();
    fixture.core = aiCore(fixture.server);
  });
  afterEach(async () => {
    fixture.core.close();
    await fixture.server.stop();
  });
  return fixture;
}
