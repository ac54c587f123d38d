import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleRestic, hostTarget } from '../../scripts/bundle-restic.js';
import { tempDir } from '../../tests/helpers/temp-dir';

const root = resolve(__dirname, '../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories?: { output?: string; buildResources?: string };
  files?: Array<string | { filter: string[] }>;
  asarUnpack?: string[];
  extraResources?: Array<{ from: string; to?: string; filter?: string[] }>;
  linux?: { target?: string[] };
  mac?: { target?: string[] };
  win?: { target?: string[] };
  electronFuses?: Record<string, boolean>;
  publish?: { provider?: string; url?: string };
}

// electron-builder's own loader and schema check, so a misspelt key fails here, not at release time
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as {
  getConfig(projectDir: string, configPath: string, fromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

describe('electron.builder.yml', () => {
  it('passes electron-builder\u2019s schema and says what the release needs', async () => {
    const config = await getConfig(root, join(root, 'electron.builder.yml'), null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config).toMatchObject({
      appId: 'com.levqor.controlcenter',
      productName: 'Levqor X Control Center',
      directories: { output: 'dist', buildResources: 'resources' },
      linux: { target: ['AppImage', 'deb'] },
      mac: { target: ['dmg', 'zip'] },
      win: { target: ['nsis'] },
      publish: { provider: 'generic', url: 'https://updates.levqor.example/desktop' },
    });
    // electron-builder normalises `files` to [{ filter: [...] }]
    const files = (config.files ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : entry.filter));
    expect(files).toEqual(expect.arrayContaining(['out/**/*', 'package.json']));
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // a ${platform}-${arch} folder is made at dist time (bundle-restic); the folder above it is in the repo
    for (const resource of config.extraResources ?? []) expect(existsSync(join(root, resource.from.replace(/\$\{platform\}-\$\{arch\}\/$/, ''))), resource.from).toBe(true);
    expect(existsSync(join(root, 'resources', 'icon.png'))).toBe(true);
  });

  it('would catch a misspelt fuse', async () => {
    const config = await getConfig(root, join(root, 'electron.builder.yml'), null);
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNod: false } }, new DebugLogger(false))).rejects.toThrow(/configuration/i);
  });
});

describe('tray icons in the packaged app', () => {
  it('are shipped beside the app, where the tray loads them from (process.resourcesPath)', async () => {
    const config = await getConfig(root, join(root, 'electron.builder.yml'), null);
    expect(config.extraResources).toContainEqual({ from: 'resources/', filter: ['tray*.png'] });
  });
});

describe('restic bundled with the packaged app', () => {
  it('is an extraResources entry: the folder bundle-restic fills for the platform being built, shipped as restic/', async () => {
    const config = await getConfig(root, join(root, 'electron.builder.yml'), null);
    expect(config.extraResources).toContainEqual({ from: 'resources/restic/${platform}-${arch}/', to: 'restic/', filter: ['restic', 'restic.exe', 'restic.LICENSE'] });
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.dist).toMatch(/node scripts\/bundle-restic\.js && electron-builder/);
  });

  it('bundle-restic copies the restic on PATH and its licence into resources/restic/<platform>-<arch>/', () => {
    const resourcesDir = tempDir();
    const done = bundleRestic({ resourcesDir, env: { PATH: process.env.PATH } });
    const folder = join(resourcesDir, 'restic', hostTarget());
    expect(done.program).toBe(join(folder, 'restic'));
    expect(statSync(done.program).mode & 0o111).not.toBe(0);
    expect(readFileSync(done.program).equals(readFileSync(done.from)), 'the same bytes as the restic on PATH').toBe(true);
    expect(readFileSync(join(folder, 'restic.LICENSE'), 'utf8')).toMatch(/BSD-2-Clause|Redistribution and use in source and binary forms/);
  });

  it('takes LEVQOR_RESTIC_BUNDLE for another target, and refuses without a licence or a binary', () => {
    const resourcesDir = tempDir();
    const binary = join(tempDir(), 'restic.exe');
    writeFileSync(binary, 'MZ not run on this machine');
    writeFileSync(join(binary, '..', 'LICENSE'), 'BSD 2-Clause License');
    const done = bundleRestic({ resourcesDir, env: { LEVQOR_RESTIC_BUNDLE: binary }, target: 'win32-x64' });
    expect(done.program).toBe(join(resourcesDir, 'restic', 'win32-x64', 'restic.exe'));
    expect(readFileSync(join(resourcesDir, 'restic', 'win32-x64', 'restic.LICENSE'), 'utf8')).toBe('BSD 2-Clause License');
    expect(() => bundleRestic({ resourcesDir, env: { LEVQOR_RESTIC_BUNDLE: join(resourcesDir, 'missing') }, target: 'win32-x64' })).toThrow(/LEVQOR_RESTIC_BUNDLE: .* does not exist/);
    expect(() => bundleRestic({ resourcesDir, env: { PATH: join(resourcesDir, 'nowhere') } })).toThrow(/no restic to bundle/);
    const bare = join(tempDir(), 'restic');
    writeFileSync(bare, '');
    expect(() => bundleRestic({ resourcesDir, env: { LEVQOR_RESTIC_BUNDLE: bare }, target: 'darwin-arm64', debian: join(resourcesDir, 'no-copyright') })).toThrow(/no licence for .*BSD-2-Clause/);
  });
});
