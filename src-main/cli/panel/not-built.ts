import type { OptionSpec } from '../command';
import type { PanelOwn } from './entry';

/**
 * A panel command whose capability is not on this branch yet: it says so in one line and exits 1,
 * and names the procedure it will call, so wiring it is one table edit.
 */
export function notBuiltYet(capability: string, procedure: string, spec: { args?: string; summary: string; textOptions?: Record<string, string> }): PanelOwn {
  const { textOptions, ...rest } = spec;
  // the options it will take, each a text (name → description), so giving them already reaches the one-line answer
  const options = textOptions && Object.fromEntries(Object.entries(textOptions).map(([name, description]): [string, OptionSpec] => [name, { type: 'string', description }]));
  return {
    ...rest,
    ...(options ? { options } : {}),
    summary: `${spec.summary} (not built yet: ${capability})`,
    run: async () => {
      throw new Error(`not built yet: ${capability} (${procedure} is not in the contract)`);
    },
  };
}
