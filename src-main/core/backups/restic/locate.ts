import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { CoreError } from '../../errors';
import { runChild } from './spawn';
import { installHint, isAtLeast, minimumResticVersion, parseResticVersion } from './version';

/** The restic the app runs: where it is and which version it said it is. */
export interface ResticBinary {
  path: string;
  version: string;
  /** `setting` when backup.resticPath names it, `path` when found on PATH, `bundled` when it is the one the desktop app ships. */
  from: 'setting' | 'path' | 'bundled';
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first `program` (program.exe on Windows) on PATH; restic unless told. */
export function findOnPath(env: NodeJS.ProcessEnv, program = 'restic'): string | undefined {
  const names = process.platform === 'win32' ? [`${program}.exe`] : [program];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) if (isExecutableFile(join(dir, name))) return join(dir, name);
  }
  return undefined;
}

/**
 * The restic to run: the setting backup.resticPath when set, else the first on PATH, else
 * `bundled` (the desktop app passes the restic it ships; core never asks Electron where that
 * is); its version asked and checked against the minimum. Missing, not runnable or too old:
 * UNAVAILABLE naming the setting or PATH, and how to install restic.
 */
export async function locateRestic(configured: string, env: NodeJS.ProcessEnv, bundled?: string): Promise<ResticBinary> {
  if (configured && !isAbsolute(configured)) throw new CoreError('BAD_INPUT', `backup.resticPath: must be an absolute path to the restic program (got "${configured}")`, 'backup.resticPath');
  const onPath = configured ? undefined : findOnPath(env);
  const shipped = !configured && !onPath && bundled && isExecutableFile(bundled) ? bundled : undefined;
  const from = configured ? 'setting' : shipped ? 'bundled' : 'path';
  const path = configured || onPath || shipped;
  if (!path) throw new CoreError('UNAVAILABLE', `restic is not installed (no restic on PATH and the setting backup.resticPath is empty): ${installHint}`);
  if (!isExecutableFile(path)) throw new CoreError('UNAVAILABLE', `backup.resticPath: ${path} is not a program this user can run; ${installHint}`, 'backup.resticPath');
  let output: string;
  try {
    const result = await runChild({ command: path, args: ['version'], env: { PATH: env.PATH ?? '' }, timeoutMs: 15_000 });
    output = result.stdout;
  } catch (err) {
    throw new CoreError('UNAVAILABLE', `${path} did not answer \`restic version\` (${(err as Error).message}); ${installHint}`);
  }
  const version = parseResticVersion(output);
  if (!version) throw new CoreError('UNAVAILABLE', `${path} is not restic (its \`version\` answer is not restic's); ${installHint}`);
  if (!isAtLeast(version, minimumResticVersion)) {
    throw new CoreError('UNAVAILABLE', `restic ${version} at ${path} is too old: the app needs restic ${minimumResticVersion} or newer; ${installHint}`);
  }
  return { path, version, from };
}
