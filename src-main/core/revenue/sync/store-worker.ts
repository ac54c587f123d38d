import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open';
import { spaceCheckpoints } from './bulk-writes';
import { ObjectStore } from './object-store';
import { storePage, type PageJob, type PageWriters } from './store-page';
import { SubscriptionVersions } from './subscription-versions';
import { SyncState } from './sync-state';
import { receivedPage, type PostedPage, type StoreAnswer, type StoreThreadData } from './store-thread';

/**
 * The full pass's store thread: its own connection to the app's database; each page posted is
 * stored with its cursor in one transaction, answered in the order posted. `null` closes it.
 * After a failure it stores nothing more, so a cursor never passes a page that was not stored.
 */
const port = parentPort!;
const db = openDatabase((workerData as StoreThreadData).file);
spaceCheckpoints(db);
const writers: PageWriters = { db, store: new ObjectStore(db), versions: new SubscriptionVersions(db), state: new SyncState(db) };
let failed: string | undefined;

port.on('message', (page: PostedPage | null) => {
  if (page === null) {
    db.close();
    port.close();
    return;
  }
  port.postMessage(failed === undefined ? store(receivedPage(page)) : ({ error: failed } satisfies StoreAnswer));
});

function store(job: PageJob): StoreAnswer {
  try {
    return { notices: storePage(writers, job) };
  } catch (err) {
    failed = `Storing the Stripe ${job.kind} failed: ${err instanceof Error ? err.message : String(err)}`;
    return { error: failed };
  }
}
