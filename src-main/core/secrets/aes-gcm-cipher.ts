import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CoreError } from '../errors';
import type { SecretCipher } from './cipher';

const formatVersion = 1;
const ivBytes = 12;
const tagBytes = 16;

/** AES-256-GCM with a random IV per value: [version][iv][tag][ciphertext]. */
export class AesGcmCipher implements SecretCipher {
  readonly id = 'aes-256-gcm';
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new CoreError('BAD_INPUT', 'The secret key must be 32 bytes', 'LEVQOR_SECRET_KEY');
  }

  encrypt(plaintext: string): Buffer {
    const iv = randomBytes(ivBytes);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([formatVersion]), iv, cipher.getAuthTag(), body]);
  }

  decrypt(data: Buffer): string {
    if (data[0] !== formatVersion) throw new CoreError('INTERNAL', 'A stored secret has an unknown format');
    const iv = data.subarray(1, 1 + ivBytes);
    const tag = data.subarray(1 + ivBytes, 1 + ivBytes + tagBytes);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(data.subarray(1 + ivBytes + tagBytes)), decipher.final()]).toString('utf8');
    } catch {
      throw new CoreError('INTERNAL', 'A stored secret cannot be decrypted with this key (was LEVQOR_SECRET_KEY or secret.key changed?)');
    }
  }
}

/**
 * The headless key: LEVQOR_SECRET_KEY (64 hex characters or base64 of 32 bytes), else a
 * 0600 `secret.key` file in the data dir, created on first use.
 */
export function loadHeadlessKey(dataDir: string, env: NodeJS.ProcessEnv): Buffer {
  const fromEnv = env.LEVQOR_SECRET_KEY;
  if (fromEnv) {
    const key = /^[0-9a-fA-F]{64}$/.test(fromEnv) ? Buffer.from(fromEnv, 'hex') : Buffer.from(fromEnv, 'base64');
    if (key.length !== 32) {
      throw new CoreError('BAD_INPUT', 'LEVQOR_SECRET_KEY: must be 64 hex characters or the base64 of 32 bytes', 'LEVQOR_SECRET_KEY');
    }
    return key;
  }
  const file = join(dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
  // tighten a key file someone loosened by hand
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  const key = readFileSync(file);
  if (key.length !== 32) throw new CoreError('INTERNAL', `${file} is not a 32-byte key; move it away to create a new one (stored secrets will need setting again)`);
  return key;
}
