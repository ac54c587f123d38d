/**
 * Where this process answers calls from outside (Stripe webhooks, workflow webhooks, heartbeats,
 * telemetry ingest), or why it does not. The transport that listens says so: `levqor serve`
 * with its server's URL, the desktop app with its inbound server's (or the reason it is off).
 */
export type InboundStatus = { state: 'listening'; url: string } | { state: 'none'; reason: string };

const noServer = 'no server listens in this process: webhooks reach the desktop app or levqor serve while it runs';

export class InboundAddress {
  private status: InboundStatus = { state: 'none', reason: noServer };

  get current(): InboundStatus {
    return this.status;
  }

  listening(url: string): void {
    this.status = { state: 'listening', url };
  }

  notListening(reason: string = noServer): void {
    this.status = { state: 'none', reason };
  }
}
