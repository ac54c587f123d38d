/**
 * Encrypts secrets at rest. Core ships the headless AES-GCM cipher; the desktop app injects
 * one backed by the OS keychain (Electron safeStorage).
 */
export interface SecretCipher {
  /** Stored beside each ciphertext so a value is only ever decrypted by the cipher that wrote it. */
  readonly id: string;
  encrypt(plaintext: string): Buffer;
  decrypt(ciphertext: Buffer): string;
}
