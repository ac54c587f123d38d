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
 * A data folder whose rule names a channel this version does not have (a channel another
 * version had, or a database edited by hand): setRule refuses such a channel, so the row is
 * written before any server runs on the folder.
 */
export function ruleFromOlderVersion(dataDir: string, ruleId: string, channels: string[]): void {
  levqorJson(dataDir, 'notify', 'rules', 'list');
  const db = new Database(join(dataDir, 'levqor.db'));
  try {
    db.prepare('INSERT INTO notify_rules (id, enabled, channels, severity, filter, updated_at) VALUES (?, 1, ?, ?, ?, ?)').run(ruleId, JSON.stringify(channels), 'warning', '{}', Date.now());
  } finally {
    db.close();
  }
}
