import { defineInsightRule, evidence, healingOr, openArea, span } from '../rule-kit';

/** A monitor DOWN longer than this is a finding. */
export const downFor = 3_600_000;

/**
 * A monitor DOWN over an hour: its state is down and its last change (when it went down) is more
 * than an hour ago; paused monitors are left out. The action asks for Guardian's healing step
 * `recheck_monitor:<id>` (approved, it checks the monitor now) when the plan has it.
 */
export const monitorDownRule = defineInsightRule({
  id: 'monitor-down',
  area: 'reliability',
  evaluate: (ctx) =>
    ctx.sources.monitors().flatMap((m) => {
      const since = m.lastChangeAt ?? m.createdAt;
      if (m.paused || m.state !== 'DOWN' || ctx.now - since <= downFor) return [];
      const { action, class: cls } = healingOr(ctx, { action: 'recheck_monitor', target: m.id, label: `Ask to re-check "${m.name}" now` }, openArea('guardian', 'Open Guardian'));
      return [
        {
          id: `monitor-down:${m.id}`,
          severity: 'critical',
          finding: `Monitor "${m.name}" has been DOWN for ${span(ctx.now - since)}${m.lastMessage ? `: ${m.lastMessage}` : ''}`,
          evidence: [evidence('guardian.monitors', 'down since', new Date(since).toISOString()), evidence('guardian.monitors', 'consecutive failed checks', m.failures)],
          impact: 'whatever it watches is unreachable for your customers',
          suggestedAction: action,
          class: cls,
        } as const,
      ];
    }),
});
