import { spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';

export interface ChildServer {
  readonly port: number;
  /** What it wrote to standard error so far (for a failing test's message). */
  output(): string;
  /** Stops it (SIGTERM) and waits for it to exit. */
  stop(): Promise<void>;
  /** Freezes it (SIGSTOP): connections are still accepted by the system but never answered, as a hung server's are. */
  pause(): void;
  /** Freezes it (SIGSTOP): connections are still accepted by the system but never answered, as a hung server's are. */
  pause(): void;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts `command` and resolves once it accepts connections on `port` (127.0.0.1); rejects if it exits first or takes 15 s. */
export async function startChildServer(command: string, args: string[], port: number): Promise<ChildServer> {
  const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 15_000;
  while (!(await accepts(port))) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${command} exited before listening on ${port}: ${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${command} did not listen on ${port} within 15 s: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    output: () => output,
    pause: () => void child.kill('SIGSTOP'),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT'); // a frozen process would not act on SIGTERM
        child.kill('SIGTERM');
      }
      await exited;
    },
  };
}
