import type { Dispatcher } from '../api/dispatcher';
import type { WebhookAnswer } from '../../shared/contract/workflows';
import { webhookSecretHeader } from '../core/workflows/webhooks';
import type { ExtraRoute } from './http-server';
import { readJsonBody } from './body';
import { sessionHeader } from './auth';
import { sendError, sendJson } from './respond';

export const hooksPrefix = '/hooks/';

/** Credentials of this server never reach a workflow's input. */
const privateHeaders = new Set(['cookie', 'authorization', sessionHeader]);

/**
 * POST /hooks/<path>: a webhook trigger. It carries its workflow's own secret (header
 * `x-levqor-secret` or `?secret=`), not the app's access token, so outside services can call it.
 * respond: onFinish answers with the last step's output; immediately answers 202 with the run id.
 */
export function webhookRoute(dispatcher: Dispatcher): ExtraRoute {
  return {
    method: 'POST',
    prefix: hooksPrefix,
    requiresToken: false,
    async handle(req, res, url) {
      const path = decodeURIComponent(url.pathname.slice(hooksPrefix.length));
      const body = await readJsonBody(req);
      if (!body.ok) return sendError(res, body.error);
      const headerSecret = req.headers[webhookSecretHeader];
      const secret = (Array.isArray(headerSecret) ? headerSecret[0] : headerSecret) ?? url.searchParams.get('secret') ?? undefined;
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string' && !privateHeaders.has(name)) headers[name] = value;
      }
      const result = await dispatcher.call('workflows.webhook', { path, secret, body: body.value, headers }, { transport: 'http' });
      if (!result.ok) return sendError(res, result.error);
      const answer = result.value as WebhookAnswer;
      switch (answer.status) {
        case 404:
          return sendError(res, { code: 'NOT_FOUND', message: answer.error });
        case 401:
          return sendError(res, { code: 'UNAUTHORIZED', message: answer.error });
        case 429:
          return sendJson(res, 429, { error: { code: 'UNAVAILABLE', message: answer.error } }, { 'retry-after': String(answer.retryAfterSeconds) });
        case 200:
          return sendJson(res, 200, { runId: answer.runId, status: answer.runStatus, output: answer.output ?? null });
        case 202:
          return sendJson(res, 202, { runId: answer.runId, status: answer.runStatus });
        default:
          return sendJson(res, 500, { runId: answer.runId, status: answer.runStatus, error: { code: 'RUN_FAILED', message: answer.error } });
      }
    },
  };
}
