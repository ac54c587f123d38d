import { createCore, type Core } from '../../../src-main/core';
import type { AiTuning } from '../../../src-main/core/ai';
import { tempDir } from '../temp-dir';
import type { FakeOpenAiServer } from './openai-server';

export const fakeKey = 'sk-test-fake-openai-key-000111222333';

/** Short waits so retry and timeout tests take milliseconds. */
export const quickAiTuning: AiTuning = { timeoutMs: 2_000, retry: { maxAttempts: 3, backoff: 'fixed', initialMs: 10, maxMs: 1_000, jitter: false } };

/** A real core whose model is the fake server, with the key set unless `withKey` is false. */
export function aiCore(server: FakeOpenAiServer | { url: string }, options: { withKey?: boolean; tuning?: AiTuning; env?: Record<string, string> } = {}): Core {
  const core = createCore({ dataDir: tempDir(), env: { LEVQOR_AI_BASE_URL: server.url, ...options.env }, logToFile: false, aiTuning: options.tuning ?? quickAiTuning });
  if (options.withKey !== false) core.secrets.set('openai.apiKey', fakeKey);
  return core;
}

/** aiCore for a test file that opens several: `closeAll` (in afterEach) closes every core `open` made. */
export function aiCores(): { open: (...args: Parameters<typeof aiCore>) => Core; closeAll: () => void } {
  const cores: Core[] = [];
  return {
    open: (...args) => {
      const core = aiCore(...args);
      cores.push(core);
      return core;
    },
    closeAll: () => {
      for (const core of cores.splice(0)) core.close();
    },
  };
}
