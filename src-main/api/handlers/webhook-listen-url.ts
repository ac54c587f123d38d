import type { WorkflowDetail } from '../../../shared/contract/workflows';
import type { InboundAddress } from '../../core/inbound-address';

/** A webhook workflow's full URL on the server this process runs, or why no server listens for it. */
export function withListenUrl(detail: WorkflowDetail, inbound: InboundAddress): WorkflowDetail {
  if (!detail.webhook) return detail;
  const status = inbound.current;
  const where = status.state === 'listening' ? { listenUrl: new URL(detail.webhook.url, status.url).href } : { notListening: status.reason };
  return { ...detail, webhook: { ...detail.webhook, ...where } };
}
