import type { Core } from '../../core';
import type { ProceduresOf } from '../../../shared/contract';
import type { HandlerMap } from '../handler';

export const guardianHandlers = (core: Core) =>
  ({
    'guardian.monitors': () => ({ monitors: core.guardian.list() }),
    'guardian.monitorTypes': () => ({ monitorTypes: core.guardian.monitorTypes() }),
    'guardian.addMonitor': (input) => core.guardian.add(input),
    'guardian.updateMonitor': ({ id, ...changes }) => core.guardian.update(id, changes),
    'guardian.removeMonitor': ({ id }) => ({ removed: core.guardian.remove(id) }),
    'guardian.check': async ({ id }) => {
      if (id !== undefined) {
        await core.guardian.checkOne(id);
        return { monitors: [core.guardian.get(id)] };
      }
      return { monitors: await core.guardian.checkAll() };
    },
    'guardian.beats': ({ id, since, limit }) => ({ beats: core.guardian.beats(id, { since, limit }) }),
    'guardian.monitorStats': (q) => core.guardian.monitorStats(q),
    'guardian.ping': ({ token }) => core.guardian.ping(token),
    'guardian.score': () => core.guardian.score(),
    'guardian.scoreHistory': (q) => ({ points: core.guardian.scoreHistory(q) }),
    'guardian.healingPlan': () => core.guardian.healingPlan(),
    'guardian.requestHealing': ({ stepId }) => core.guardian.requestHealing(stepId),
    'guardian.summary': () => core.guardian.summary(),
    'guardian.upgradePlan': (q) => core.guardian.upgradePlan(q),
  }) satisfies HandlerMap<ProceduresOf<'guardian'>>;
