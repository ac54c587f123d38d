/**
 * A provider's rate as its servers enforce it (the generic cell rate algorithm): one message per
 * interval on average, a message up to `toleranceMs` ahead of that pace still taken (the short
 * burst Slack and Telegram allow). Over any stretch of time no more than
 * (stretch + tolerance) / interval + 1 messages get through.
 */
export class RateLimit {
  private theoreticalAt = Number.NEGATIVE_INFINITY;

  /** 0: taken (and counted); otherwise how many ms too early the message came. */
  wait(at: number, intervalMs: number, toleranceMs: number): number {
    const early = this.theoreticalAt - toleranceMs - at;
    if (early > 0) return early;
    this.theoreticalAt = Math.max(this.theoreticalAt, at) + intervalMs;
    return 0;
  }
}
