import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../tests/helpers/temp-dir';
import type { CliIo } from '../command';
import { runCli } from '../run';
import { channels } from '../../core/notify/channels';

async function levqor(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => void (stdout += `${text}\n`),
    err: (text) => void (stderr += `${text}\n`),
    env: { LEVQOR_SECRET_KEY: 'e'.repeat(64) },
    readStdin: async () => '',
  };
  const code = await runCli(['--data-dir', tempDir(), ...argv], io);
  return { code, stdout, stderr };
}

describe('levqor notify channels | test', () => {
  it('lists each channel and what it lacks; --json gives the same as the procedure', async () => {
    const text = await levqor('notify', 'channels');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^os +System notification +set up; nothing delivered yet$/m);
    expect(text.stdout).toMatch(/^email +Email +not set up: no way to send email: set the secret resend.apiKey/m);
    const json = await levqor('notify', 'channels', '--json');
    expect(JSON.parse(json.stdout).channels).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'email', configured: false, lastDelivery: null })]));
  });

  it('says why nothing was sent (exit 1), and refuses an unknown channel naming the known ones (exit 2)', async () => {
    const email = await levqor('notify', 'test', 'email');
    expect(email).toMatchObject({ code: 1, stdout: expect.stringContaining('Nothing was sent through email: no way to send email') });
    const unknown = await levqor('notify', 'test', 'pigeon');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`channel: must be one of ${channels.map((c) => c.id).join(', ')}`);
    expect(unknown.stderr).toContain('"pigeon"');
  });
});
