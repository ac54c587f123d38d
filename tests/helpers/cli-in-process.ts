import type { CliIo } from '../../src-main/cli/command';
import { runCli } from '../../src-main/cli/run';

/** `levqor --data-dir DATA_DIR ARGV…` run in this process with `env`: its exit code and what it printed. */
export async function levqorInProcess(dataDir: string, env: Record<string, string>, argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { out: (text) => void (stdout += `${text}\n`), err: (text) => void (stderr += `${text}\n`), env, readStdin: async () => '' };
  const code = await runCli(['--data-dir', dataDir, ...argv], io);
  return { code, stdout, stderr };
}
