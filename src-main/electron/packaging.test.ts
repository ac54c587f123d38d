import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const require = createRequire(import.meta.url);

interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories?: { output?: string; buildResources?: string };
  files?: Array<string | { filter: string[] }>;
  asarUnpack?: string[];
  extraResources?: Array<{ from: string; to: string }>;
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
    for (const resource of config.extraResources ?? []) expect(existsSync(join(root, resource.from)), resource.from).toBe(true);
    expect(existsSync(join(root, 'resources', 'icon.png'))).toBe(true);
  });

  it('would catch a misspelt fuse', async () => {
    const config = await getConfig(root, join(root, 'electron.builder.yml'), null);
    await expect(validateConfiguration({ ...config, electronFuses: { runAsNod: false } }, new DebugLogger(false))).rejects.toThrow(/configuration/i);
  });
});
