import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './cli';

/** `node --require` this into a child (with LEVQOR_TEST_CLIENT_PORTS set) to record its connections. */
export const recordClientPorts = join(repoRoot, 'tests', 'helpers', 'record-client-ports.cjs');

/**
 * Which process opened the connection a request came on, read from the file record-client-ports.cjs
 * appends to. The line is written before the request is sent, so the answer does not depend on how
 * soon this process reads the request (a sender killed meanwhile is still named). A port used
 * again later belongs to its latest line.
 */
export class ClientPorts {
  private readonly pids = new Map<number, number>();
  private readBytes = 0;

  constructor(readonly file: string) {}

  pidOf(port: number): number | undefined {
    this.readNew();
    return this.pids.get(port);
  }

  private readNew(): void {
    if (!existsSync(this.file)) return;
    const text = readFileSync(this.file).subarray(this.readBytes).toString('utf8');
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    this.readBytes += Buffer.byteLength(complete);
    for (const line of complete.split('\n')) {
      const [pid, port] = line.split(' ').map(Number);
      if (pid && port) this.pids.set(port, pid);
    }
  }
}
