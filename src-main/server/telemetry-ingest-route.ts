import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { telemetryLimits } from '../../shared/telemetry';
import type { ApiError } from '../../shared/contract/errors';
import type { Dispatcher } from '../api/dispatcher';
import type { ExtraRoute } from './http-server';
import { sendError, sendJson } from './respond';
import { readTextBody } from './body';

export const ingestPath = '/ingest/telemetry';

const acceptedTypes = /^application\/(json|x-ndjson|ndjson|jsonl|x-jsonlines)\b/i;

/** The error, plus the bad row's line number as its own field when the batch was rejected. */
function withLine(error: ApiError): ApiError & { line?: number } {
  const m = /^(?:line|row) (\d+):/.exec(error.message);
  return m ? { ...error, line: Number(m[1]) } : error;
}

/**
 * POST /ingest/telemetry (access token required): a batch as NDJSON (`application/x-ndjson`)
 * or a JSON array (`application/json`), at most 10,000 rows and 8 MB. All rows are stored,
 * or none: a bad row answers 400 naming its line and field.
 */
export function telemetryIngestRoute(dispatcher: Dispatcher): ExtraRoute {
  return {
    method: 'POST',
    prefix: ingestPath,
    requiresToken: true,
    async handle(req: IncomingMessage, res: ServerResponse, url: URL) {
      if (url.pathname !== ingestPath) return sendError(res, { code: 'NOT_FOUND', message: `No route ${url.pathname}` });
      const type = req.headers['content-type'] ?? '';
      if (!acceptedTypes.test(type)) {
        return sendError(res, { code: 'BAD_INPUT', message: 'content-type: must be application/x-ndjson or application/json', field: 'content-type' });
      }
      const body = await readTextBody(req, telemetryLimits.maxBatchBytes);
      if (body === undefined) return sendError(res, { code: 'TOO_LARGE', message: `body: is larger than ${telemetryLimits.maxBatchBytes / 1024 / 1024} MB` });
      const requestId = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) ?? randomUUID();
      const result = await dispatcher.call('telemetry.ingest', { body }, { transport: 'http', requestId });
      if (result.ok) return sendJson(res, 200, result.value, { 'x-request-id': requestId });
      const error = withLine(result.error);
      return error.code === 'BAD_INPUT' || error.code === 'TOO_LARGE' ? sendJson(res, error.code === 'TOO_LARGE' ? 413 : 400, { error }) : sendError(res, result.error);
    },
  };
}
