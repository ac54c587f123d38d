import type { OnboardingAnswers, OnboardingDraft } from '../../../../shared/contract/onboarding';
import { slugFromName } from '../../../../shared/product';

/** When the first workflow checks the site: every day at 09:00 UTC (the founder edits it in the editor). */
export const dailyCheckCron = '0 9 * * *';

const sellsTags = { digital: ['digital product'], services: ['done-for-you service'], both: ['digital product', 'done-for-you service'] } as const;
const channelWords = { os: 'this computer’s notifications', telegram: 'Telegram', slack: 'Slack', email: 'email' } as const;

/** `My Notion Pack!` → `my-notion-pack`; a name with no letters or digits → `first-product`. */
export function slugFrom(name: string): string {
  // 56 leaves room for the -N that freeSlug may add within the 64 a slug may have
  return slugFromName(name, 56) || 'first-product';
}

/** The slug, or the slug with -2, -3… when a product already has it. */
function freeSlug(slug: string, taken: ReadonlySet<string>): string {
  if (!taken.has(slug)) return slug;
  for (let n = 2; ; n++) if (!taken.has(`${slug}-${n}`)) return `${slug}-${n}`;
}

/** Longest host written into a draft's names and titles, so a long one still fits the monitor name's 100 and a notice title's 200. */
const maxHostInNames = 60;

function siteHost(siteUrl: string): string {
  const { host } = new URL(siteUrl);
  return host.length > maxHostInNames ? `${host.slice(0, maxHostInNames - 1)}…` : host;
}

/**
 * The guide's three drafts from complete answers: a Guardian http monitor on the site, a product
 * draft, and a daily workflow that calls the site and tells the founder what it answered. Pure:
 * the caller checks each with its own service and saves nothing.
 */
export function draftsFromAnswers(answers: OnboardingAnswers, takenSlugs: ReadonlySet<string>): OnboardingDraft[] {
  const host = siteHost(answers.siteUrl);
  const slug = freeSlug(slugFrom(answers.productName), takenSlugs);
  const what = answers.sells === 'services' ? 'done-for-you service' : 'digital product';
  const alertsTo = channelWords[answers.alerts];
  return [
    {
      item: 'monitor',
      title: `Watch ${host}`,
      explanation: `Adds a Guardian HTTP monitor that calls ${answers.siteUrl} every minute; it turns DOWN (and alerts you) when the site stops answering with a 2xx.`,
      draft: { type: 'http', name: host, url: answers.siteUrl },
    },
    {
      item: 'product',
      title: `Draft “${answers.productName}”`,
      explanation: `Creates the product draft ${slug} (${answers.currency} ${answers.price}) in Launches, with an empty content folder to fill before you compile it.`,
      draft: {
        slug,
        name: answers.productName,
        price: answers.price,
        currency: answers.currency,
        description: `${answers.productName}: a ${what} sold at ${host}. Drafted by the getting-started guide; say here what the buyer gets.`,
        tags: [...sellsTags[answers.sells]],
        status: 'draft',
      },
    },
    {
      item: 'workflow',
      title: `Daily check of ${host}`,
      explanation: `Saves a workflow that every day at 09:00 UTC calls ${answers.siteUrl} (a read, Class A) and tells you the status it answered${answers.alerts === 'os' ? '' : `; workflow notices also go to ${alertsTo} (rule founder.notified)`}.`,
      draft: {
        workflow: {
          name: `Daily check of ${host}`,
          description: 'Set up by the getting-started guide: calls the site once a day and tells you what it answered.',
          trigger: { type: 'cron', expr: dailyCheckCron },
          nodes: [
            { id: 'check', type: 'http.request', params: { method: 'GET', url: answers.siteUrl, failOnStatus: false } },
            { id: 'tell', type: 'notify.founder', params: { title: `Daily check: ${host} answered {{ steps.check.output.status }}`, level: 'info' } },
          ],
          edges: [{ from: 'check', to: 'tell' }],
        },
        alerts: answers.alerts,
      },
    },
  ];
}
