import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp-dir';
import { CappedLogFile, createLogger } from './logger';

describe('log file', () => {
  it('rotates at its size cap and keeps a bounded number of files', () => {
    const dir = tempDir();
    const file = new CappedLogFile({ dir, maxBytes: 2_000, keep: 2 });
    const log = createLogger(file, 'info');
    for (let i = 0; i < 200; i++) log.info({ i }, 'a line that takes some room in the file');
    file.close();
    const names = readdirSync(dir).sort();
    expect(names).toEqual(['levqor.log', 'levqor.log.1', 'levqor.log.2']);
    for (const name of names) expect(readFileSync(`${dir}/${name}`).length).toBeLessThanOrEqual(2_000);
  });

  it('redacts values, tokens and secrets wherever they appear', () => {
    const dir = tempDir();
    const file = new CappedLogFile({ dir });
    createLogger(file, 'info').info({ value: 's3cret', input: { token: 't0k', password: 'pw' } }, 'x');
    file.close();
    const text = readFileSync(`${dir}/levqor.log`, 'utf8');
    expect(text).not.toMatch(/s3cret|t0k|"pw"/);
    expect(text).toContain('[redacted]');
  });
});
