import { afterEach, describe, expect, it } from 'vitest';
import { ResendServer } from '../../../../tests/helpers/notify/resend-server';
import { testCore, type TestCore } from '../../../../tests/helpers/workflows/core';
import { wf } from '../../../../tests/helpers/workflows/documents';

let t: TestCore;
afterEach(() => t?.cleanup());

const email = (to: string) => wf([{ id: 'mail', type: 'email.send', params: { to, subject: 'Welcome, Ada', body: 'Start here: https://levqor.example/start' } }]);

describe('email.send', () => {
  it('sends to the given address through the email channel (Resend, the local server), from notify.email.from', async () => {
    const resend = await ResendServer.start();
    try {
      t = testCore({ stage: 'post-launch' });
      t.core.settings.set('notify.resend.apiBase', resend.url);
      t.core.settings.set('notify.email.from', 'Levqor <hello@example.com>');
      t.core.secrets.set('resend.apiKey', 're_test_full');
      const result = await t.core.workflows.run({ workflow: email('ada@example.com'), wait: true });
      expect(result.status).toBe('succeeded');
      expect(resend.requests).toHaveLength(1);
      const sent = JSON.parse(resend.requests[0]!.body) as { to: unknown; from: string; subject: string };
      expect(JSON.stringify(sent.to)).toContain('ada@example.com');
      expect(sent.subject).toContain('Welcome, Ada');
      expect(sent.from).toBe('Levqor <hello@example.com>');
      expect(t.core.runs.get(result.runId).steps[0]?.output).toMatchObject({ channel: 'email' });
    } finally {
      await resend.close();
    }
  });
});
