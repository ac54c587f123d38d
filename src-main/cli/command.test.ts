import { describe, expect, it } from 'vitest';
import { command, commandWords } from './command';

describe('a command is selected by the words its usage starts with', () => {
  it('takes the words before the first argument or option', () => {
    expect(commandWords('runs show ID')).toEqual(['runs', 'show']);
    expect(commandWords('stage set pre-launch|post-launch')).toEqual(['stage', 'set']);
    expect(commandWords('guardian upgrade-plan --to VERSION [--schema N]')).toEqual(['guardian', 'upgrade-plan']);
    expect(commandWords('settings get [KEY]')).toEqual(['settings', 'get']);
    expect(commandWords('serve [--port N]')).toEqual(['serve']);
    expect(commandWords('version')).toEqual(['version']);
  });

  it('gives a command its path from its usage', () => {
    expect(command({ usage: 'monitor remove ID', summary: 'Remove a monitor.', run: async () => {} }).path).toEqual(['monitor', 'remove']);
  });
});
