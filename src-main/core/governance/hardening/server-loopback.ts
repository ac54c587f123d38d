import { isLoopbackHostname } from '../../../../shared/secret-destination';
import { defineHardeningItem } from './item';

/** Anyone who reaches a non-loopback server and holds the token controls the app: this machine only, unless a tunnel is meant. */
export const serverLoopback = defineHardeningItem({ id: 'server.loopback', label: 'Headless server on this machine only', where: 'any', fix: '#/settings' }, ({ runtime, settings }) => {
  const facts = runtime();
  if (facts.transport === 'serve') {
    const host = facts.serverHost ?? '';
    return isLoopbackHostname(host) ? { status: 'pass', reason: `levqor serve listens on ${host}: this machine only.` } : { status: 'fail', reason: `levqor serve listens on ${host}, reachable from other machines: restart it without --host (or with --host 127.0.0.1) and reach it through a tunnel.` };
  }
  if (facts.transport === 'desktop') {
    const host = settings.get('inbound.host');
    return isLoopbackHostname(host) ? { status: 'pass', reason: `The inbound server listens on ${host}: this machine only.` } : { status: 'warn', reason: `The inbound server listens on ${host} (inbound.host), reachable from other machines: set it to 127.0.0.1 unless that is meant.` };
  }
  return { status: 'unknown', reason: 'No server runs in this command: levqor serve binds 127.0.0.1 unless started with --host; ask the running server (Settings › Hardening) to see its address.' };
});
