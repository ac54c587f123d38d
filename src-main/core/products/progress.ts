import type { EventBus } from '../event-bus';

/**
 * Progress for one phase of one product, as `products.progress` events: the start and the
 * end always, in between only when another 1% is done (a progress bar needs no more).
 */
export function progressReporter(events: EventBus, slug: string, phase: 'zip' | 'upload'): (bytesDone: number, bytesTotal: number) => void {
  let lastPercent = -1;
  let lastDone = -1;
  return (bytesDone, bytesTotal) => {
    if (bytesDone === lastDone) return;
    const percent = bytesTotal === 0 ? 100 : Math.floor((bytesDone / bytesTotal) * 100);
    if (percent === lastPercent && bytesDone !== bytesTotal) return;
    lastPercent = percent;
    lastDone = bytesDone;
    events.emit('products.progress', { slug, phase, bytesDone, bytesTotal });
  };
}
