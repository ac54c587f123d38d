import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { panelCommands } from '../../src-main/cli/commands/panel';

const names = ['help', ...panelCommands.slice(1).map((c) => c.path[1]!)];

describe('creator panel docs', () => {
  it('the README and docs/panel.md name every panel command', () => {
    const readme = readFileSync('README.md', 'utf8');
    const doc = readFileSync('docs/panel.md', 'utf8');
    expect(names.filter((n) => !readme.includes(`\`${n}\``))).toEqual([]);
    expect(names.filter((n) => n !== 'help' && !doc.includes(`\`${n}`))).toEqual([]);
  });
});
