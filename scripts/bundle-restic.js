// Puts a restic binary and its licence where electron.builder.yml's extraResources takes them
// from (resources/restic/<platform>-<arch>/), so a packaged app backs up without restic
// installed. Run by `npm run dist` before electron-builder. Nothing is downloaded: the binary is
// LEVQOR_RESTIC_BUNDLE (for another platform, name it and pass --target <platform>-<arch>) or
// the restic on PATH; the licence is LEVQOR_RESTIC_LICENSE, a LICENSE beside the binary, or
// Debian's /usr/share/doc/restic/copyright (restic is BSD-2-Clause: it ships with it).
import { execFileSync } from 'node:child_process';
import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const debianLicence = '/usr/share/doc/restic/copyright';

/** `<platform>-<arch>` as Node and electron-builder's ${platform}-${arch} spell it. */
export function hostTarget() {
  return `${process.platform}-${process.arch}`;
}

function isProgram(path) {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The restic to bundle: LEVQOR_RESTIC_BUNDLE, else the first on PATH. */
export function findRestic(env, target) {
  if (env.LEVQOR_RESTIC_BUNDLE) {
    if (!existsSync(env.LEVQOR_RESTIC_BUNDLE)) throw new Error(`LEVQOR_RESTIC_BUNDLE: ${env.LEVQOR_RESTIC_BUNDLE} does not exist`);
    return env.LEVQOR_RESTIC_BUNDLE;
  }
  const name = target.startsWith('win32-') ? 'restic.exe' : 'restic';
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && isProgram(join(dir, name))) return realpathSync(join(dir, name));
  }
  throw new Error('no restic to bundle: install it (`apt install restic`) or set LEVQOR_RESTIC_BUNDLE to the restic binary for the target');
}

/** restic's licence text: LEVQOR_RESTIC_LICENSE, a LICENSE beside the binary, or Debian's copyright file. */
export function findLicence(env, binary, debian = debianLicence) {
  const candidates = [env.LEVQOR_RESTIC_LICENSE, join(dirname(binary), 'LICENSE'), debian].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`no licence for ${binary}: restic is BSD-2-Clause and ships with its licence; set LEVQOR_RESTIC_LICENSE to its LICENSE file`);
  return found;
}

/**
 * Copies restic and its licence into <resourcesDir>/restic/<target>/ (restic or restic.exe,
 * restic.LICENSE), replacing what was there. A binary for this machine is asked its version
 * first, so a wrong file fails here rather than in a founder's first backup.
 */
export function bundleRestic({ resourcesDir, env = process.env, target = hostTarget(), debian = debianLicence }) {
  const binary = findRestic(env, target);
  const licence = findLicence(env, binary, debian);
  if (target === hostTarget()) {
    const answer = execFileSync(binary, ['version'], { encoding: 'utf8', timeout: 15_000 });
    if (!/^restic \d+\.\d+/.test(answer)) throw new Error(`${binary} is not restic (its \`version\` answered: ${answer.trim()})`);
  }
  const dir = join(resourcesDir, 'restic', target);
  if (existsSync(dir)) for (const old of readdirSync(dir)) rmSync(join(dir, old), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const program = join(dir, target.startsWith('win32-') ? 'restic.exe' : 'restic');
  copyFileSync(binary, program);
  chmodSync(program, 0o755);
  copyFileSync(licence, join(dir, 'restic.LICENSE'));
  return { program, licence: join(dir, 'restic.LICENSE'), from: binary };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--target');
  const target = flag > 0 ? process.argv[flag + 1] : hostTarget();
  if (!target || !/^[a-z0-9]+-[a-z0-9]+$/.test(target)) {
    console.error('--target: give <platform>-<arch> as Node names them, e.g. linux-x64, darwin-arm64, win32-x64');
    process.exit(2);
  }
  try {
    const root = join(dirname(fileURLToPath(import.meta.url)), '..');
    const done = bundleRestic({ resourcesDir: join(root, 'resources'), target });
    console.log(`bundled ${done.from} as ${done.program} (licence: ${done.licence})`);
  } catch (err) {
    console.error(`bundle-restic: ${err.message}`);
    process.exit(1);
  }
}
