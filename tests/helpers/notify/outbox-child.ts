/**
 * A separate process for the outbox's kill -9 test and the drain bench: opens the data dir
 * given in argv, with the providers' rates scaled by argv[3] (1: as published), and runs the
 * outbox's background delivery until it is killed. Prints "ready" once delivery has started.
 */
import { createCore } from '../../../src-main/core';

const [dataDir, scale, secretKey] = process.argv.slice(2) as [string, string, string];
const core = createCore({ dataDir, logToFile: false, env: { LEVQOR_SECRET_KEY: secretKey }, notifyTuning: { intervalScale: Number(scale) } });
core.background.start();
process.stdout.write('ready\n');
// the delivery's timers are unref'd (they never keep an app alive): this one keeps the child up
setInterval(() => undefined, 60_000);
