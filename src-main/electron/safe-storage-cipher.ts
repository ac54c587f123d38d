import { CoreError } from '../core/errors';
import type { SecretCipher } from '../core/secrets/cipher';

/** The synchronous part of Electron's safeStorage this cipher needs. */
export interface SafeStorageLike {
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/** What chooseSecretCipher looks at; getSelectedStorageBackend exists only on Linux. */
export interface SafeStorageProbe extends SafeStorageLike {
  isEncryptionAvailable(): boolean;
  getSelectedStorageBackend?(): string;
}

/**
 * Secrets at rest encrypted by the OS keychain (macOS Keychain, Windows DPAPI, libsecret or
 * KWallet on Linux) through Electron's safeStorage. Uses the synchronous API because core's
 * SecretCipher is synchronous; Electron 45 marks it deprecated in favour of the async one,
 * which is the change to make (with SecretCipher going async) before moving to Electron 46.
 */
export class SafeStorageCipher implements SecretCipher {
  readonly id = 'electron-safe-storage';

  constructor(private readonly storage: SafeStorageLike) {}

  encrypt(plaintext: string): Buffer {
    try {
      return Buffer.from(this.storage.encryptString(plaintext));
    } catch {
      // the OS error may quote the input; never let it reach a log or the renderer
      throw new CoreError('UNAVAILABLE', 'The OS keychain refused to encrypt the secret (is the keychain locked?)');
    }
  }

  decrypt(ciphertext: Buffer): string {
    try {
      return this.storage.decryptString(ciphertext);
    } catch {
      throw new CoreError('INTERNAL', 'A stored secret cannot be decrypted by the OS keychain (was it stored under another user or machine?)');
    }
  }
}

export type CipherChoice = { cipher: SecretCipher; reason?: undefined } | { cipher?: undefined; reason: string };

/**
 * The keychain cipher when the OS offers real protection; otherwise no cipher, so core falls
 * back to its headless AES-GCM key file (0600 in the data dir). Linux's "basic_text" backend
 * encrypts with a password hard-coded in Chromium, which protects less than that key file.
 */
export function chooseSecretCipher(storage: SafeStorageProbe, platform: NodeJS.Platform): CipherChoice {
  if (!storage.isEncryptionAvailable()) return { reason: 'safeStorage encryption is not available' };
  if (platform === 'linux' && storage.getSelectedStorageBackend?.() === 'basic_text') {
    return { reason: 'no OS keyring found (safeStorage backend is basic_text)' };
  }
  return { cipher: new SafeStorageCipher(storage) };
}
