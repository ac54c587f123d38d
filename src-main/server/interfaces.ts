import { networkInterfaces } from 'node:os';

/** 0.0.0.0 and :: listen on every address of the machine. */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/**
 * This machine's own addresses, as a browser on the network writes them in the Host header.
 * IP literals cannot be rebound by DNS, so accepting them keeps a wildcard bind reachable
 * without opening the door that the Host check closes.
 */
export function interfaceAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) out.push(a.family === 'IPv6' ? `[${a.address.split('%')[0]}]` : a.address);
  }
  return out;
}
