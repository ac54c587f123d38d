import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatcher } from '../../api/dispatcher';
import { claimDataDir } from '../../core';
import { defaultHost, defaultPort, isLoopbackHost, startServer, type RunningServer } from '../../server/http-server';
import { loadOrCreateToken } from '../../server/token';
import { appRoutes } from '../../server/routes';
import { command, CliUsageError, noExtraPositionals } from '../command';

/** The built renderer sits beside the built CLI (out/main/cli.js → out/renderer). */
function rendererDir(env: NodeJS.ProcessEnv): string {
  return env.LEVQOR_RENDERER_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '../renderer');
}

function parsePort(raw: string | boolean | undefined): number {
  if (raw === undefined) return defaultPort;
  const port = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || port > 65_535) throw new CliUsageError(`--port: must be a whole number from 0 to 65535 (got "${String(raw)}")`);
  return port;
}

/** `home.example:4319` or `home.example`: a name as the Host header carries it, the port added later. */
function parseAllowedHosts(raw: string | boolean | undefined): string[] {
  if (typeof raw !== 'string' || raw.trim() === '') return [];
  return raw.split(',').map((part) => {
    const name = part.trim().toLowerCase();
    if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)$/.test(name)) throw new CliUsageError(`--allow-host: "${part.trim()}" is not a host name or IP address (no scheme, port or path)`);
    return name;
  });
}

export const serveCommand = command({
  usage: 'serve [--port N] [--host H] [--allow-host NAME[,NAME…]]',
  summary: 'Run the headless server: the app in a browser plus the HTTP API (default 127.0.0.1:4319).',
  options: {
    port: { type: 'string', description: `port to listen on (default ${defaultPort}; 0 picks a free one)` },
    host: { type: 'string', description: `address to bind (default ${defaultHost}); a non-loopback address is reachable from other machines` },
    'allow-host': { type: 'string', description: 'more names browsers and webhooks may reach the server by (comma-separated; env LEVQOR_ALLOWED_HOSTS); loopback names and the bound address are always allowed' },
  },
  keepsRunning: true,
  async run(ctx, args) {
    noExtraPositionals(args, 0, 'serve [--port N] [--host H] [--allow-host NAME[,NAME…]]');
    const port = parsePort(args.values.port);
    const host = typeof args.values.host === 'string' ? args.values.host : defaultHost;
    const allowHosts = parseAllowedHosts(args.values['allow-host'] ?? ctx.io.env.LEVQOR_ALLOWED_HOSTS);
    const holder = ctx.holder;
    const token = loadOrCreateToken(holder.core.dataDir);
    // the server is bound to the current core: a restore of the app's data closes it, restarts
    // the core and listens again on the same port (browsers' event streams reconnect)
    let server: RunningServer | undefined;
    let listenOn = port;
    await holder.bind({
      release: async () => {
        await server?.close();
        server = undefined;
      },
      bind: async (core) => {
        const dispatcher = createDispatcher(core);
        server = await startServer({ core, dispatcher, token, host, port: listenOn, rendererDir: rendererDir(ctx.io.env), routes: appRoutes(dispatcher), allowHosts });
        listenOn = server.port;
        // the webhook URLs workflows.get gives: this server's (a browser shows its own origin)
        core.inbound.listening(server.url);
        // links in Slack and other messages open the app here (without the token: the browser signs in)
        core.notify.appUrl = server.url;
        // the hardening checklist judges the address this server is really bound to
        core.governance.reportRuntime({ transport: 'serve', serverHost: host });
      },
    });
    const claim = claimDataDir(holder.core.dataDir, 'levqor serve');
    holder.startBackground();
    const { url, port: bound } = server!;
    if (!isLoopbackHost(host)) {
      ctx.io.err(`levqor: warning: listening on ${host}, reachable from other machines; anyone with the token can control Levqor X`);
    }
    const link = `${url}?token=${token}`;
    ctx.print({ url, port: bound, host, token, link }, () => `Levqor X is running at ${link}`);

    await new Promise<void>((done) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void (server?.close() ?? Promise.resolve())
          .then(() => holder.opened?.background.stop())
          .then(() => {
            claim.release();
            holder.close();
            done();
          });
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
  },
});
