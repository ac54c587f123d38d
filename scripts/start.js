#!/usr/bin/env node
// `npm start`: the desktop app when an Electron binary is installed, otherwise the headless
// server (`levqor serve`) with the same UI in a browser. Extra arguments go to whichever runs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const rebuildHint =
  'Hint: if the error mentions better-sqlite3 or NODE_MODULE_VERSION, the native module is built for Node, not Electron. ' +
  'Run `npx electron-builder install-app-deps` to rebuild it for Electron (and `npm rebuild better-sqlite3` to return to the headless server and tests).';


function ensureBuilt(files) {
  const missing = () => files.filter((file) => !existsSync(join(root, file)));
  if (missing().length === 0) return;
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0 || missing().length > 0) {
    console.error(`The build did not produce ${missing().join(', ')}; see the output above.`);
    process.exit(result.status || 1);
  }
}

function run(command, commandArgs, onFailure) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (child.exitCode === null) child.kill(signal);
    });
  }
  child.on('error', (err) => {
    console.error(`Could not start ${command}: ${err.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal === null) onFailure?.();
    process.exit(code ?? (signal ? 1 : 0));
  });
}

const electron = electronBinary(root);
if (electron) {
  ensureBuilt([join('out', 'main', 'index.js'), join('out', 'preload', 'index.cjs'), join('out', 'renderer', 'index.html')]);
  run(electron, ['.', ...args], () => console.error(rebuildHint));
} else {
  console.log("Electron's binary is not installed, so this starts the headless server instead (`levqor serve`); open the URL it prints.");
  ensureBuilt([join('out', 'main', 'cli.js'), join('out', 'renderer', 'index.html')]);
  const cli = join(root, 'bin', 'levqor.js');
  if (!existsSync(cli)) {
    console.error(`${cli} is missing; the headless server cannot start.`);
    process.exit(1);
  }
  run(process.execPath, [cli, 'serve', ...args]);
}
