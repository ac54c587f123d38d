import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp-dir';
import { createCore, type Core } from '../core';
import { checkForUpdatesQuietly, type AutoUpdaterLike } from './updater';

/** Stands in for electron-updater's autoUpdater: an EventEmitter with a scripted check. */
class FakeAutoUpdater extends EventEmitter implements AutoUpdaterLike {
  checks = 0;
  constructor(private readonly check: () => Promise<unknown>) {
    super();
  }
  checkForUpdates(): Promise<unknown> {
    this.checks++;
    return this.check();
  }
}

function setup() {
  const dataDir = tempDir();
  const core = createCore({ dataDir, env: {} });
  const logLines = () =>
    readFileSync(join(dataDir, 'logs', 'levqor.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: string });
  return { core, logLines };
}

const warn = 40;

async function run(core: Core, updater: AutoUpdaterLike, isPackaged = true) {
  return checkForUpdatesQuietly({ core, isPackaged, loadUpdater: () => updater });
}

describe('checkForUpdatesQuietly', () => {
  it('checks once when packaged and updates.autoCheck is on', async () => {
    const { core } = setup();
    const updater = new FakeAutoUpdater(async () => null);
    expect(await run(core, updater)).toBe('checked');
    expect(updater.checks).toBe(1);
    core.close();
  });

  it('does not check an unpackaged build, or when the founder turned checks off', async () => {
    const { core } = setup();
    const updater = new FakeAutoUpdater(async () => null);
    let loads = 0;
    expect(await checkForUpdatesQuietly({ core, isPackaged: false, loadUpdater: () => (loads++, updater) })).toBe('unpackaged');
    core.settings.set('updates.autoCheck', false);
    expect(await checkForUpdatesQuietly({ core, isPackaged: true, loadUpdater: () => (loads++, updater) })).toBe('disabled');
    expect(loads).toBe(0);
    expect(updater.checks).toBe(0);
    core.close();
  });

  it('only logs a warning when the check rejects', async () => {
    const { core, logLines } = setup();
    const updater = new FakeAutoUpdater(() => Promise.reject(new Error('net::ERR_NAME_NOT_RESOLVED')));
    await expect(run(core, updater)).resolves.toBe('failed');
    expect(logLines()).toContainEqual(expect.objectContaining({ level: warn, msg: 'update check failed', err: 'net::ERR_NAME_NOT_RESOLVED' }));
    core.close();
  });

  it('only logs when the check throws synchronously or the updater cannot load', async () => {
    const { core, logLines } = setup();
    const throwing = new FakeAutoUpdater(() => {
      throw new Error('no app-update.yml');
    });
    await expect(run(core, throwing)).resolves.toBe('failed');
    await expect(
      checkForUpdatesQuietly({
        core,
        isPackaged: true,
        loadUpdater: () => Promise.reject(new Error('cannot load electron-updater')),
      }),
    ).resolves.toBe('failed');
    const warnings = logLines().filter((l) => l.level === warn).map((l) => l.err);
    expect(warnings).toEqual(['no app-update.yml', 'cannot load electron-updater']);
    core.close();
  });

  it('logs the updater\u2019s later error events instead of crashing the process', async () => {
    const { core, logLines } = setup();
    const updater = new FakeAutoUpdater(async () => null);
    await run(core, updater);
    // without a listener, EventEmitter would throw this as an uncaught exception
    expect(() => updater.emit('error', new Error('sha512 checksum mismatch'))).not.toThrow();
    expect(logLines()).toContainEqual(expect.objectContaining({ level: warn, msg: 'updater error', err: 'sha512 checksum mismatch' }));
    core.close();
  });
});
