import { printFigure, type Figure } from './measure';
import { serveStartup } from './serve-startup.bench';
import { telemetryIngest } from './telemetry-ingest.bench';
import { telemetryPush } from './telemetry-push.bench';
import { telemetryDetect } from './telemetry-detect.bench';
import { workflowThroughput } from './workflows.bench';
import { webhookThroughput } from './webhook.bench';
import { webhookMemory } from './webhook-memory.bench';
import { compileBench } from './compile.bench';
import { editorBench } from './editor.bench';
import { revenueMetricsBench } from './revenue-metrics.bench';
import { stripeSyncBench } from './stripe-sync.bench';
import { backupAppData } from './backup-app-data.bench';
import { backupSnapshotUnderIngest } from './backup-snapshot.bench';
import { notifyDrainBench } from './notify-drain.bench';
import { aiLayerBench } from './ai-layer.bench';
import { aiChatStreamBench } from './ai-chat-stream.bench';
import { insightsBench } from './insights.bench';
import { contentBench } from './content.bench';

/**
 * `npm run bench`: each figure beside a reference measured in this same run. Figures are
 * printed, never asserted: the targets live in the issues.
 */
const benches: Array<[string, (report: (f: Figure) => void) => Promise<void>]> = [
  ['serve startup', serveStartup],
  ['telemetry ingest', telemetryIngest],
  ['telemetry push', telemetryPush],
  ['telemetry detect', telemetryDetect],
  ['workflow executions', workflowThroughput],
  ['workflow webhooks over HTTP', webhookThroughput],
  ['workflow webhooks under sustained load (memory)', webhookMemory],
  ['product compile', compileBench],
  ['workflow editor in Chromium', editorBench],
  ['revenue metrics', revenueMetricsBench],
  ['stripe sync', stripeSyncBench],
  ['backup app data', backupAppData],
  ['backup snapshot under ingest', backupSnapshotUnderIngest],
  ['notify outbox drain', notifyDrainBench],
  ['ai layer', aiLayerBench],
  ['ai chat streaming', aiChatStreamBench],
  ['insights', insightsBench],
  ['content', contentBench],
];

const only = process.argv[2];
for (const [name, bench] of benches) {
  if (only && !name.includes(only)) continue;
  console.log(`\n# ${name}`);
  await bench(printFigure);
}
