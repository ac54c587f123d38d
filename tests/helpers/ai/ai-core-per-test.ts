import { afterEach, beforeEach } from 'vitest';
import type { Core } from '../../../src-main/core';
import { aiCore } from './ai-core';
import { startFakeOpenAi, type FakeOpenAiServer } from './openai-server';

/**
 * A fake model server and a real core pointed at it, made fresh before each test of the file
 * and closed after it. Read `server` and `core` inside a test, never at the file's top level.
 */
export function aiCorePerTest(options: Parameters<typeof aiCore>[1] = {}): { readonly server: FakeOpenAiServer; readonly core: Core } {
  let made: { server: FakeOpenAiServer; core: Core } | undefined;
  beforeEach(async () => {
    const server = await startFakeOpenAi();
    made = { server, core: aiCore(server, options) };
  });
  afterEach(async () => {
    made?.core.close();
    await made?.server.stop();
    made = undefined;
  });
  const current = () => {
    if (!made) throw new Error('aiCorePerTest: read server and core inside a test');
    return made;
  };
  return {
    get server() {
      return current().server;
    },
    get core() {
      return current().core;
    },
  };
}
