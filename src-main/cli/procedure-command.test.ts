import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp-dir';
import type { CliIo, Command } from './command';
import { procedureCommand } from './procedure-command';
import { runCli } from './run';

/** Runs `levqor …` in this process over a fresh data dir with only `commands`, through the real dispatcher. */
async function levqor(commands: Command[], ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => void (stdout += `${text}\n`),
    err: (text) => void (stderr += `${text}\n`),
    env: {},
    readStdin: async () => '',
  };
  const code = await runCli(['--data-dir', tempDir(), ...argv], io, commands);
  return { code, stdout, stderr };
}

const settingCommand = procedureCommand('settings.get', {
  usage: 'setting KEY [--json]',
  summary: 'One setting.',
  positionals: { key: 'KEY' },
  json: ({ settings }) => settings[0],
  show: ({ settings }, { positionals: { key } }) => `${key} = ${String(settings[0]!.value)}`,
});

describe('procedureCommand', () => {
  it('is selected by the words its usage starts with', () => {
    expect(settingCommand.path).toEqual(['setting']);
  });

  it('fills the input from the positionals and prints the output as JSON or as show words it', async () => {
    expect(await levqor([settingCommand], 'setting', 'logLevel')).toEqual({ code: 0, stdout: 'logLevel = info\n', stderr: '' });
    const json = await levqor([settingCommand], 'setting', 'logLevel', '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ key: 'logLevel', value: 'info', source: 'default' });
  });

  it('refuses a missing or extra positional (exit 2), quoting the usage before its options', async () => {
    expect(await levqor([settingCommand], 'setting')).toEqual({ code: 2, stdout: '', stderr: 'levqor: missing KEY (usage: levqor setting KEY)\n' });
    expect(await levqor([settingCommand], 'setting', 'logLevel', 'x')).toEqual({ code: 2, stdout: '', stderr: 'levqor: unexpected argument "x" (usage: levqor setting KEY)\n' });
    const withHint = procedureCommand('stage.get', { usage: 'stage now [--json]', usageHint: 'stage now [--json]', summary: 'The stage.', show: (s) => s.stage });
    expect((await levqor([withHint], 'stage', 'now', 'x')).stderr).toBe('levqor: unexpected argument "x" (usage: levqor stage now [--json])\n');
  });

  it('passes bad input through the dispatcher: the contract names the field (exit 2)', async () => {
    const run = await levqor([settingCommand], 'setting', 'colour');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('colour');
  });

  it('lets a command print its own way and choose its exit code', async () => {
    const stageCheck = procedureCommand('stage.get', {
      usage: 'stage check',
      summary: 'Exit 3 before launch.',
      print: (s, { ctx }) => ctx.io.err(`stage ${s.stage}`),
      exitCode: (s) => (s.stage === 'pre-launch' ? 3 : 0),
    });
    expect(await levqor([stageCheck], 'stage', 'check', '--json')).toEqual({ code: 3, stdout: '', stderr: 'stage pre-launch\n' });
  });
});
