import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';
import { withListenUrl } from './webhook-listen-url';

export const workflowsHandlers = (core: Core) =>
  ({
    'workflows.validate': ({ workflow }) => {
      const result = core.workflows.validate(workflow);
      return { valid: result.valid, errors: result.errors };
    },
    'workflows.import': ({ workflow, enabled }) => core.workflows.import(workflow, enabled),
    'workflows.save': ({ id, workflow, enabled, draft }) => core.workflows.save(id, workflow, enabled, draft ?? false),
    'workflows.versions': ({ id }) => ({ versions: core.workflows.versions(id) }),
    'workflows.getVersion': ({ id, version }) => core.workflows.getVersion(id, version),
    'workflows.restoreVersion': ({ id, version }) => core.workflows.restoreVersion(id, version),
    'workflows.list': () => ({ workflows: core.workflows.list() }),
    'workflows.get': ({ id }) => withListenUrl(core.workflows.get(id), core.inbound),
    'workflows.export': ({ id }) => core.workflows.export(id),
    'workflows.delete': ({ id }) => core.workflows.delete(id),
    'workflows.setEnabled': ({ id, enabled }) => core.workflows.setEnabled(id, enabled),
    'workflows.rotateSecret': ({ id }) => core.workflows.rotateSecret(id),
    'workflows.run': ({ id, workflow, input, wait, dryRun }) =>
      core.workflows.run({ ...(id !== undefined ? { id } : { workflow }), input: input ?? {}, wait, dryRun }),
    'workflows.webhook': ({ path, secret, body, headers }) => core.engine.webhooks.handle({ path, secret, body, headers }),
    'workflows.stats': ({ id, from, to, timezone }) => core.workflows.stats(id, from, to, timezone),
    'workflows.stepTypes': () => ({ stepTypes: core.workflows.stepTypes() }),
  }) satisfies HandlerMap<ProceduresOf<'workflows'>>;
