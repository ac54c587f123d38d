// Where the Electron executable is, or undefined when the package was installed without its
// binary (ELECTRON_SKIP_BINARY_DOWNLOAD). Reads the package's path.txt the way the electron
// package does, minus its download-on-require fallback, which must not run on an offline machine.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function electronBinary(root) {
  try {
    const pkgDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const executable = readFileSync(pathFile, 'utf8').trim();
    const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const binary = override ? join(override, executable) : join(pkgDir, 'dist', executable);
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}
