import { describe, expect, it, beforeAll } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { assertBuilt, levqor, startServe } from '../helpers/cli';

beforeAll(assertBuilt);

describe('levqor CLI', () => {
  it('status --json prints version, dataDir, stage and schemaVersion', () => {
    const dataDir = tempDir();
    const run = levqor(['--data-dir', dataDir, 'status', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ version: expect.any(String), dataDir, stage: 'pre-launch', schemaVersion: expect.any(Number) });
  });

  it('reads the data dir from LEVQOR_DATA_DIR', () => {
    const dataDir = tempDir();
    const run = levqor(['status', '--json'], { env: { LEVQOR_DATA_DIR: dataDir } });
    expect(JSON.parse(run.stdout).dataDir).toBe(dataDir);
  });

  it('stage set / get round-trips and bad input exits 2 with one line on stderr', () => {
    const dataDir = tempDir();
    expect(levqor(['--data-dir', dataDir, 'stage', 'preview', 'post-launch']).stdout).toBe('0 Class B step(s) will run for real\n0 pending upload(s) will be sent to Drive without approval\n');
    expect(levqor(['--data-dir', dataDir, 'stage', 'get']).stdout.trim()).toBe('pre-launch');
    expect(levqor(['--data-dir', dataDir, 'stage', 'set', 'post-launch']).code).toBe(0);
    expect(levqor(['--data-dir', dataDir, 'stage', 'preview', 'post-launch']).stdout).toBe('nothing changes: the stage is post-launch already\n');
    expect(levqor(['--data-dir', dataDir, 'stage', 'get']).stdout.trim()).toBe('post-launch');
    const bad = levqor(['--data-dir', dataDir, 'stage', 'set', 'someday']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('stage: must be pre-launch or post-launch');
    expect(JSON.parse(levqor(['--data-dir', dataDir, 'stage', 'get', '--json']).stdout)).toMatchObject({ stage: 'post-launch', source: 'stored' });
  });

  it('settings get/set with typed values; a bad value or key exits 2 and stores nothing', () => {
    const dataDir = tempDir();
    expect(levqor(['--data-dir', dataDir, 'settings', 'set', 'updates.autoCheck', 'false']).code).toBe(0);
    expect(JSON.parse(levqor(['--data-dir', dataDir, 'settings', 'get', 'updates.autoCheck', '--json']).stdout)).toMatchObject({ value: false, source: 'stored' });
    const badValue = levqor(['--data-dir', dataDir, 'settings', 'set', 'logLevel', 'loud']);
    expect(badValue.code).toBe(2);
    expect(badValue.stderr).toMatch(/^levqor: Log level must be debug, info, warn or error\n/);
    const badKey = levqor(['--data-dir', dataDir, 'settings', 'set', 'colour', 'blue']);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toContain('unknown setting "colour"');
    expect(JSON.parse(levqor(['--data-dir', dataDir, 'settings', 'get', 'logLevel', '--json']).stdout).source).toBe('default');
    // one key printed is a success like the whole list
    const one = levqor(['--data-dir', dataDir, 'settings', 'get', 'logLevel']);
    expect({ code: one.code, stderr: one.stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('secrets: set from standard input, listed as set, never printed', () => {
    const dataDir = tempDir();
    const value = 'sk-cli-never-printed-777';
    const set = levqor(['--data-dir', dataDir, 'secrets', 'set', 'openai.apiKey'], { input: `${value}\n` });
    expect(set.code).toBe(0);
    const list = levqor(['--data-dir', dataDir, 'secrets', 'list', '--json']);
    expect(list.stdout).not.toContain(value);
    expect(JSON.parse(list.stdout).secrets).toContainEqual(expect.objectContaining({ name: 'openai.apiKey', set: true }));
    expect(levqor(['--data-dir', dataDir, 'secrets', 'set', 'stripe.webhookSecret', '--value', 'whsec_cli777']).code).toBe(0);
    const tested = levqor(['--data-dir', dataDir, 'secrets', 'test', 'stripe.webhookSecret']);
    expect({ code: tested.code, stdout: tested.stdout }).toEqual({ code: 0, stdout: 'stripe.webhookSecret: untested: no test yet: comes with Revenue\n' });
    const badFormat = levqor(['--data-dir', dataDir, 'secrets', 'set', 'database.url', '--value', 'mysql://root@db/app']);
    expect({ code: badFormat.code, stderr: badFormat.stderr }).toEqual({ code: 2, stderr: 'levqor: Remote Postgres URL must be a postgres:// URL with a host: postgres://user:password@host:5432/database\n' });
    expect(levqor(['--data-dir', dataDir, 'secrets', 'clear', 'openai.apiKey']).code).toBe(0);
  });

  it('unknown commands and options exit 2; version prints the version', () => {
    const dataDir = tempDir();
    expect(levqor(['--data-dir', dataDir, 'frobnicate']).code).toBe(2);
    expect(levqor(['--data-dir', dataDir, 'status', '--bogus']).code).toBe(2);
    expect(levqor(['version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(levqor(['--help']).code).toBe(0);
  });

  it('an invalid LEVQOR_LAUNCH_STAGE is a clear failure naming the variable', () => {
    const run = levqor(['--data-dir', tempDir(), 'status'], { env: { LEVQOR_LAUNCH_STAGE: 'live' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('LEVQOR_LAUNCH_STAGE');
  });

  it('serve prints one line with the tokened URL, answers with the token, 401 without', async () => {
    const dataDir = tempDir();
    const server = await startServe(dataDir);
    try {
      expect(server.base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const ok = await fetch(`${server.base}api/app.info`, { method: 'POST', headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' } });
      expect(ok.status).toBe(200);
      expect((await fetch(`${server.base}api/app.info`, { method: 'POST', headers: { 'content-type': 'application/json' } })).status).toBe(401);
      // an API call must say it is JSON, an empty body too
      expect((await fetch(`${server.base}api/app.info`, { method: 'POST', headers: { authorization: `Bearer ${server.token}` } })).status).toBe(415);
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('serve warns when bound to a non-loopback host, and rejects a bad port', async () => {
    const bad = levqor(['--data-dir', tempDir(), 'serve', '--port', 'eighty']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--port');
    const open = await startServe(tempDir(), {}, ['--host', '0.0.0.0']);
    try {
      await new Promise((r) => setTimeout(r, 100));
      expect(open.stderr()).toContain('warning: listening on 0.0.0.0');
    } finally {
      await open.stop();
    }
  });
});
