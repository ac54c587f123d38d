import type { AnyMonitorType } from './define-monitor';
import { httpMonitor } from './http';
import { internalMonitor } from './internal';
import { postgresMonitor } from './postgres';
import { pushMonitor } from './push';

/** Every monitor type, in the order forms and help list them. Adding one = one file beside this one and one entry here. */
export const monitorTypeList: readonly AnyMonitorType[] = [httpMonitor, postgresMonitor, pushMonitor, internalMonitor];
