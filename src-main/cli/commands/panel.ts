import { CliUsageError, readOptionalPositional, type Command } from '../command';
import type { PanelTarget } from '../panel/entry';
import { panelTable } from '../panel/table';
import { aiCommands } from './ai';
import { approvalsCommands } from './approvals';
import { briefingCommands } from './briefing';
import { guardianCommands } from './guardian';
import { insightsCommands } from './insights';
import { productCommands } from './product';
import { productCompileCommands } from './product-compile';
import { productOmegaCommands } from './product-omega';
import { revenueMetricsCommands } from './revenue-metrics';
import { revenuePackagesCommands } from './revenue-packages';
import { revenuePipelineCommands } from './revenue-pipeline';
import { runsCommands } from './runs';
import { stageCommands } from './stage';
import { statusCommand } from './status';
import { telemetryCommands } from './telemetry';
import { workflowCommands } from './workflow';
import { contentCommands } from './content';
import { templatesCommands } from './templates';

/** The `levqor` commands a panel name may run. */
const runnable: Command[] = [statusCommand, ...stageCommands, ...productCommands, ...productCompileCommands, ...productOmegaCommands, ...workflowCommands, ...runsCommands, ...revenuePipelineCommands, ...revenueMetricsCommands, ...revenuePackagesCommands, ...approvalsCommands, ...guardianCommands, ...telemetryCommands, ...insightsCommands, ...briefingCommands, ...aiCommands, ...contentCommands, ...templatesCommands];

function existing(words: string): Command {
  const found = runnable.find((c) => c.path.join(' ') === words);
  if (!found) throw new Error(`the creator panel names "levqor ${words}", which is no command`);
  return found;
}

/** A panel name as a command: `levqor panel NAME …` runs the target with the same options and arguments. */
function panelCommand(name: string, target: PanelTarget): Command {
  if (typeof target !== 'string') {
    const { args, summary, options, run } = target;
    return { path: ['panel', name], usage: `panel ${name}${args ? ` ${args}` : ''}`, summary, ...(options ? { options } : {}), run };
  }
  const command = existing(target);
  const rest = command.usage.slice(command.path.join(' ').length);
  return {
    ...command,
    path: ['panel', name],
    usage: `panel ${name}${rest}`,
    summary: `${command.summary} (levqor ${target})`,
    // a wrong argument's message quotes the words that were typed, not the command behind them
    async run(ctx, args) {
      try {
        return await command.run(ctx, args);
      } catch (err) {
        if (err instanceof CliUsageError) throw new CliUsageError(err.message.replaceAll(`levqor ${target}`, `levqor panel ${name}`));
        throw err;
      }
    },
  };
}

const entries = panelTable.map(([name, target]) => panelCommand(name, target));

const helpUsage = 'panel help';

/** `levqor panel` and `levqor panel help`: every panel command with one line each. */
const panelHelp: Command = {
  path: ['panel'],
  usage: helpUsage,
  summary: 'The creator panel: every command with one line each (also: npm run creator:panel -- COMMAND).',
  async run(ctx, args) {
    const word = readOptionalPositional(args, helpUsage);
    if (word !== undefined && word !== 'help') throw new CliUsageError(`unknown panel command "${word}" (levqor panel help lists them)`);
    const list = [{ name: 'help', usage: helpUsage, summary: 'This list.' }, ...entries.map((c) => ({ name: c.path[1]!, usage: c.usage, summary: c.summary }))];
    const width = Math.max(...list.map((c) => c.name.length));
    ctx.print({ commands: list }, () => ['Creator panel: levqor panel COMMAND [--json]', '', ...list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)].join('\n'));
  },
};

export const panelCommands: Command[] = [panelHelp, ...entries];
