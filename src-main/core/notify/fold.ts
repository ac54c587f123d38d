import { noticeSeverities, type Notice } from '../../../shared/contract/notify';

/** How many titles a digest lists before "and N more". */
const digestLines = 10;

/** One more repeat of the same alert: the notice now stands for count + 1 of them. */
export function foldRepeat(notice: Notice): Notice {
  return { ...notice, count: (notice.count ?? 1) + 1 };
}

/**
 * The rows of one group that waited together, as one notice: the first one's area, the
 * gravest severity, a title with the count and a body listing their titles. An approval's
 * buttons belong to one approval, so a digest offers none.
 */
export function digest(first: Notice, others: readonly Notice[]): Notice {
  const all = [first, ...others];
  const count = all.reduce((n, x) => n + (x.count ?? 1), 0);
  const severity = all.reduce<Notice['severity']>((worst, x) => (rank(x.severity) > rank(worst) ? x.severity : worst), undefined);
  const titles = all.flatMap((x) => (x.body.startsWith('• ') ? x.body.split('\n') : [`• ${x.title}`]));
  const shown = titles.slice(0, digestLines);
  const more = titles.length - shown.length;
  const { approvalId: _approval, ...rest } = first;
  return {
    ...rest,
    title: `${count} alerts: ${stripCount(first.title)}…`,
    body: [...shown, ...(more > 0 ? [`… and ${more} more`] : [])].join('\n'),
    count,
    ...(severity ? { severity } : {}),
  };
}

function rank(severity: Notice['severity']): number {
  return severity === undefined ? 0 : noticeSeverities.indexOf(severity);
}

function stripCount(title: string): string {
  return title.replace(/^\d+ alerts: (.*)…$/, '$1');
}
