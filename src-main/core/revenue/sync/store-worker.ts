import { parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../../db/open';
import { spaceCheckpoints } from './bulk-writes';
import { ObjectStore } from './object-store';
import { preparePage, storePages, type PageWriters } from './store-page';
import { SubscriptionVersions } from './subscription-versions';
import { SyncState } from './sync-state';
import { receivedPage, type PostedPage, type StoreAnswer, type StoreThreadData } from './store-thread';

/**
 * The full pass's store thread: its own connection to the app's database. Each page posted is
 * parsed and worked into rows here (store-thread.ts says why as text). The pages waiting
 * when it turns to them are stored together, each with its cursor, in one transaction (fewer,
 * larger commits when the fetching runs ahead); each is answered in the order posted. `null`
 * closes it. After a failure it stores nothing more, so a cursor never passes a page not stored.
 */
const port = parentPort!;
const db = openDatabase((workerData as StoreThreadData).file);
spaceCheckpoints(db);
const writers: PageWriters = { db, store: new ObjectStore(db), versions: new SubscriptionVersions(db), state: new SyncState(db) };
let failed: string | undefined;

port.on('message', (first: PostedPage | null) => {
  const posted: PostedPage[] = [];
  let closing = first === null;
  if (first) posted.push(first);
  for (let more = closing ? undefined : receiveMessageOnPort(port); more; more = closing ? undefined : receiveMessageOnPort(port)) {
    if (more.message === null) closing = true;
    else posted.push(more.message as PostedPage);
  }
  for (const answer of store(posted)) port.postMessage(answer);
  if (closing) {
    db.close();
    port.close();
  }
});

function store(posted: PostedPage[]): StoreAnswer[] {
  if (failed === undefined && posted.length > 0) {
    try {
      return storePages(writers, posted.map((p) => preparePage(receivedPage(p)))).map((notices) => ({ notices }));
    } catch (err) {
      failed = `Storing the Stripe ${[...new Set(posted.map((p) => p.kind))].join(', ')} failed: ${err instanceof Error ? err.message : String(err)}`;
    }
  }
  return posted.map(() => ({ error: failed! }));
}
