import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expect } from '@playwright/test';
import { repoRoot } from './server-process';

/** `levqor` as the founder runs it on this data dir; its --json answer. */
export function levqorJson(dataDir: string, ...args: string[]): unknown {
  const run = spawnSync(process.execPath, ['bin/levqor.js', '--data-dir', dataDir, ...args, '--json'], { cwd: repoRoot, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

/**
 * A data folder last used by a version of the app with a Telegram channel: the founder had
 * sent monitor DOWN alerts to the system notification and Telegram. This version has no
 * Telegram channel, so its outbox rows for it fail for real ("no channel "telegram" in this
 * version of the app"). Written before any server runs on the folder.
 */
export function ruleFromNewerVersion(dataDir: string): void {
  levqorJson(dataDir, 'notify', 'rules', 'list');
  const db = new Database(join(dataDir, 'levqor.db'));
  try {
    db.prepare('INSERT INTO notify_rules (id, enabled, channels, severity, filter, updated_at) VALUES (?, 1, ?, ?, ?, ?)').run('monitor.down', JSON.stringify(['os', 'telegram']), 'critical', '{}', Date.now());
  } finally {
    db.close();
  }
}
