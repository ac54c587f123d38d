/**
 * Ids of rows made here are not stored (migration 0012): a row that arrives without an id is
 * stored with id NULL, and its id is read as a UUIDv7 made from what the row already holds —
 * its ts (the 48-bit time field), its seq (42 bits, so ids made in one millisecond sort in
 * insertion order) and 32 bits of this install's node id (so two installs never make the
 * same id). Skipping 36 bytes and a string per row is about a sixth of ingest's time, and
 * the id is the same every time it is read, so a re-sent push still upserts onto itself.
 *
 *   time_high(32) - time_low(16) - 7 seq[41..30](12) - 10 seq[29..16](14) - seq[15..0](16) node(32)
 */
export function nodeBits(nodeId: string): number {
  const tail = nodeId.replaceAll('-', '').slice(-8);
  if (!/^[0-9a-f]{8}$/i.test(tail)) throw new Error(`node id ${JSON.stringify(nodeId)} does not end in 8 hex digits`);
  return Number.parseInt(tail, 16);
}

/** The id of a telemetry_logs row as SQL: the stored one, else the one made from ts, seq and `node` (nodeBits). */
export function rowIdSql(node: number): string {
  if (!Number.isInteger(node) || node < 0 || node > 0xffffffff) throw new Error(`node bits must be a 32-bit whole number (got ${node})`);
  return `coalesce(id, printf('%08x-%04x-%04x-%04x-%012x', (ts >> 16) & 4294967295, ts & 65535, 28672 | ((seq >> 30) & 4095), 32768 | ((seq >> 16) & 16383), ((seq & 65535) << 32) | ${node}))`;
}

/**
 * The ts and seq a made id was read from, when `id` is one made by this install (its last 32
 * bits are `node`); otherwise undefined. A row that comes back with such an id (an export
 * ingested again) is the stored row with that seq, not a new one.
 */
export function madeIdParts(id: string, node: number): { ts: number; seq: number } | undefined {
  if (id.length !== 36 || id.charCodeAt(14) !== 55 /* '7' */) return undefined;
  const hex = id.replaceAll('-', '');
  if (!/^[0-9a-f]{32}$/i.test(hex) || Number.parseInt(hex.slice(24), 16) !== node) return undefined;
  const ts = Number.parseInt(hex.slice(0, 12), 16);
  const seq = Number.parseInt(hex.slice(13, 16), 16) * 2 ** 30 + (Number.parseInt(hex.slice(16, 20), 16) & 0x3fff) * 2 ** 16 + Number.parseInt(hex.slice(20, 24), 16);
  return { ts, seq };
}
