import type { Worker } from 'node:worker_threads';
import { startWorker, type WorkerScript } from '../../worker-thread';
import { rawBodyOf } from '../stripe/raw-bodies';
import type { Page } from './list-sources';
import type { Notice } from './notices';
import { preparePage, storePages, type PageJob, type PageWriters } from './store-page';

export interface StoreThreadData {
  /** The app's database file. */
  file: string;
}
export type StoreAnswer = { notices: Notice[] } | { error: string };

/**
 * A page as posted to the store thread: the list's answer as the text Stripe sent (a string
 * crosses threads as one copy), parsed and worked into rows there; serialised here only when the
 * client kept no text. Never the parsed objects: the `stripe` client hands back decimal strings
 * as `Decimal` objects, which only JSON turns back into what Stripe sent.
 */
export interface PostedPage extends Omit<PageJob, 'page' | 'moreLines'> {
  body: string;
  /** [invoice id, lines][] */
  moreLines: string;
}

function postedPage({ page, moreLines, ...job }: PageJob): PostedPage {
  return { ...job, body: rawBodyOf(page) ?? JSON.stringify(page), moreLines: JSON.stringify([...moreLines]) };
}

export function receivedPage({ body, moreLines, ...job }: PostedPage): PageJob {
  return { ...job, page: JSON.parse(body) as Page, moreLines: new Map(JSON.parse(moreLines) as Array<[string, Page['data']]>) };
}

/** Where a full pass's pages are stored: resolves once the page and its cursor are committed. */
export interface PageWriter {
  store(job: PageJob): Promise<Notice[]>;
  /** Stores what was posted, then stops. */
  close(): Promise<void>;
}

const storeWorker: WorkerScript = { source: 'revenue/sync/store-worker.ts', built: 'revenue-store-worker' };

/**
 * Pages stored on a thread of their own, so the thread that fetches and parses the next page
 * never waits for serialising, inserts and commits; an in-memory database (no second connection can see it)
 * is written here, on this thread.
 */
export function openPageWriter(writers: PageWriters): PageWriter {
  if (writers.db.memory) return { store: async (job) => storePages(writers, [preparePage(job)])[0]!, close: async () => undefined };
  return new StoreThread({ file: writers.db.name });
}

class StoreThread implements PageWriter {
  private readonly worker: Worker;
  private readonly waiting: Array<{ resolve(notices: Notice[]): void; reject(err: Error): void }> = [];
  private stopped: Error | undefined;

  constructor(data: StoreThreadData) {
    this.worker = startWorker(storeWorker, { workerData: data });
    this.worker.on('message', (answer: StoreAnswer) => {
      const waiting = this.waiting.shift();
      if ('error' in answer) waiting?.reject(new Error(answer.error));
      else waiting?.resolve(answer.notices);
    });
    this.worker.on('error', (err) => this.stop(err));
    this.worker.on('exit', () => this.stop(new Error('The Stripe sync\u2019s store thread stopped before it answered')));
  }

  store(job: PageJob): Promise<Notice[]> {
    if (this.stopped) return Promise.reject(this.stopped);
    const page = postedPage(job);
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.worker.postMessage(page);
    });
  }

  async close(): Promise<void> {
    if (this.stopped) return;
    const exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.worker.postMessage(null);
    await exited;
  }

  private stop(err: Error): void {
    this.stopped ??= err;
    for (const waiting of this.waiting.splice(0)) waiting.reject(err);
  }
}
