import { randomFillSync } from 'node:crypto';

const pool = Buffer.alloc(16 * 256);
let poolOffset = pool.length;
let lastMs = -1;
let counter = 0;

/**
 * A UUIDv7 (RFC 9562): 48-bit millisecond timestamp, then a 12-bit counter that keeps ids made
 * in the same millisecond in order, then random bits. Ids sort by creation time.
 */
export function uuidv7(nowMs: number = Date.now()): string {
  if (poolOffset + 16 > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + 16);
  poolOffset += 16;
  let ms = Math.max(0, Math.floor(nowMs));
  if (ms <= lastMs) {
    ms = lastMs;
    counter++;
    if (counter > 0xfff) {
      ms = ++lastMs;
      counter = 0;
    }
  } else {
    lastMs = ms;
    counter = 0;
  }
  const hex = ms.toString(16).padStart(12, '0').slice(-12);
  const b6 = 0x70 | ((counter >> 8) & 0x0f);
  const b7 = counter & 0xff;
  const b8 = 0x80 | ((bytes[8] as number) & 0x3f);
  const tail = Buffer.from([b6, b7, b8, bytes[9] as number, bytes[10] as number, bytes[11] as number, bytes[12] as number, bytes[13] as number, bytes[14] as number, bytes[15] as number]).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${tail.slice(0, 4)}-${tail.slice(4, 8)}-${tail.slice(8)}`;
}
