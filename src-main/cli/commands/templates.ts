import type { TemplateSummary } from '../../../shared/contract/templates';
import { CliUsageError, command, readPositionals, type Command } from '../command';
import { procedureCommand } from '../procedure-command';

function templateText(t: TemplateSummary): string {
  const inputs = t.inputs.map((i) => `      --input ${i.name}=${i.type.toUpperCase()}  ${i.label}${i.default !== undefined ? ` (default ${i.default})` : ''}`);
  return [`${t.id}  [${t.category}]  ${t.name}`, `    ${t.description}`, ...inputs].join('\n');
}

/** `--input name=value`, repeated; the value stays text and the template's input type decides what it must be. */
function parseInputs(given: readonly string[]): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const pair of given) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new CliUsageError(`--input: must be NAME=VALUE (got "${pair}")`);
    inputs[pair.slice(0, at).trim()] = pair.slice(at + 1);
  }
  return inputs;
}

const useUsage = 'template use ID [--input NAME=VALUE]…';

export const templatesCommands: Command[] = [
  procedureCommand('templates.list', {
    usage: 'templates',
    summary: 'The growth workflow templates: id, category, what each does and the inputs it asks for.',
    input: () => ({}),
    show: ({ templates }) => (templates.length === 0 ? 'No templates.' : templates.map(templateText).join('\n\n')),
  }),
  command({
    usage: useUsage,
    summary: 'Makes a new workflow from a template with your inputs, saved disabled (nothing is enabled or run); open it in Workflows to review.',
    options: { input: { type: 'string', multiple: true, description: 'one of the template’s inputs as NAME=VALUE; repeat for each' } },
    async run(ctx, args) {
      const [id] = readPositionals(args, ['ID'], 'template use ID');
      const used = await ctx.call('templates.use', { id, inputs: parseInputs(args.lists?.input ?? []) });
      ctx.print(used, () => `Made "${used.name}" (${used.id}) from ${used.templateId}, disabled: review and enable it in the Workflows area (levqor workflow export ${used.id} prints it).`);
    },
  }),
];
