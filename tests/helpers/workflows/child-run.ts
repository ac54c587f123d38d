/**
 * A separate process for the kill -9 test: opens the data dir given in argv, starts one run
 * of the workflow JSON in argv and waits. The test SIGKILLs it mid-step.
 */
import { createCore } from '../../../src-main/core';

const [dataDir, workflowJson] = process.argv.slice(2) as [string, string];
const core = createCore({ dataDir, logToFile: false, env: { LEVQOR_LAUNCH_STAGE: 'post-launch', LEVQOR_SECRET_KEY: 'c'.repeat(64) } });
const result = await core.workflows.run({ workflow: JSON.parse(workflowJson) as unknown, wait: true });
process.stdout.write(`${JSON.stringify(result)}\n`);
core.close();
