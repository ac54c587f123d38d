import * as m0001 from './0001-foundation';
import * as m0002 from './0002-workflows';
import * as m0003 from './0003-products';
import * as m0004 from './0004-telemetry';
import * as m0005 from './0005-guardian';
import * as m0006 from './0006-workflow-versions';
import * as m0007 from './0007-approval-subjects';
import * as m0008 from './0008-run-dry-run';
import * as m0009 from './0009-run-index';
import * as m0010 from './0010-telemetry-made-ids';
import * as m0011 from './0011-telemetry-fingerprint-index';
import * as m0012 from './0012-telemetry-lean-rows';
import * as m0013 from './0013-browser-sessions';
import * as m0014 from './0014-notify-outbox';
import * as m0015 from './0015-telemetry-own-rollups';
import * as m0016 from './0016-guardian-certificates';
import * as m0017 from './0017-backups';
import * as m0018 from './0018-backup-restores';
import * as m0019 from './0019-backup-plan-policies';
import * as m0020 from './0020-stripe-sync';
import * as m0022 from './0022-sales-pipeline';
import * as m0023 from './0023-revenue-packages';
import * as m0024 from './0024-notify-outbox-engine';
import * as m0025 from './0025-notify-rules';
import * as m0026 from './0026-telegram';
import * as m0027 from './0027-revenue-reads';
import * as m0028 from './0028-ai-usage';
import * as m0029 from './0029-insight-history';
import * as m0031 from './0031-revenue-metrics-reads';
import * as m0032 from './0032-compliance';
import * as m0033 from './0033-costs';
import * as m0034 from './0034-audit-actor';
import * as m0035 from './0035-revenue-prepared-states';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * Numbered migrations, applied in order, never edited once shipped. A new capability adds
 * the next file and one line here.
 */
export const migrations: readonly Migration[] = [
  { version: 1, ...m0001 },
  { version: 2, ...m0002 },
  { version: 3, ...m0003 },
  { version: 4, ...m0004 },
  { version: 5, ...m0005 },
  { version: 6, ...m0006 },
  { version: 7, ...m0007 },
  { version: 8, ...m0008 },
  { version: 9, ...m0009 },
  { version: 10, ...m0010 },
  { version: 11, ...m0011 },
  { version: 12, ...m0012 },
  { version: 13, ...m0013 },
  { version: 14, ...m0014 },
  { version: 15, ...m0015 },
  { version: 16, ...m0016 },
  { version: 17, ...m0017 },
  { version: 18, ...m0018 },
  { version: 19, ...m0019 },
  { version: 20, ...m0020 },
  { version: 22, ...m0022 },
  { version: 23, ...m0023 },
  { version: 24, ...m0024 },
  { version: 25, ...m0025 },
  { version: 26, ...m0026 },
  { version: 27, ...m0027 },
  { version: 28, ...m0028 },
  { version: 29, ...m0029 },
  { version: 31, ...m0031 },
  { version: 32, ...m0032 },
  { version: 33, ...m0033 },
  { version: 34, ...m0034 },
  { version: 35, ...m0035 },
];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
