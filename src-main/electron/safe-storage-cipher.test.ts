import { describe, expect, it } from 'vitest';
import { tempDir } from '../../tests/helpers/temp-dir';
import { createCore, CoreError } from '../core';
import { chooseSecretCipher, SafeStorageCipher, type SafeStorageProbe } from './safe-storage-cipher';

/**
 * Stands in for Electron's safeStorage: a reversible transform with a header, so a test can
 * tell its ciphertext apart and a wrong input fails like the real one does.
 */
function fakeSafeStorage(options: { available?: boolean; backend?: string } = {}): SafeStorageProbe & { calls: number } {
  const header = Buffer.from('v10');
  return {
    calls: 0,
    isEncryptionAvailable: () => options.available ?? true,
    ...(options.backend ? { getSelectedStorageBackend: () => options.backend as string } : {}),
    encryptString(plainText: string) {
      this.calls++;
      const body = Buffer.from(plainText, 'utf8').map((b) => b ^ 0x5a);
      return Buffer.concat([header, body]);
    },
    decryptString(encrypted: Buffer) {
      if (!encrypted.subarray(0, 3).equals(header)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(encrypted.subarray(3).map((b) => b ^ 0x5a)).toString('utf8');
    },
  };
}

describe('SafeStorageCipher', () => {
  it('encrypts through safeStorage and decrypts back', () => {
    const storage = fakeSafeStorage();
    const cipher = new SafeStorageCipher(storage);
    expect(cipher.id).toBe('electron-safe-storage');
    const data = cipher.encrypt('sk-live-123 \u00e9\u{1F600}');
    expect(storage.calls).toBe(1);
    expect(data.toString('utf8')).not.toContain('sk-live-123');
    expect(cipher.decrypt(data)).toBe('sk-live-123 \u00e9\u{1F600}');
  });

  it('turns a keychain failure into a CoreError without the OS error text', () => {
    const cipher = new SafeStorageCipher({
      encryptString: (plain: string) => {
        throw new Error(`keychain locked while encrypting ${plain}`);
      },
      decryptString: () => {
        throw new Error('bad');
      },
    });
    expect(() => cipher.encrypt('hunter2')).toThrow(CoreError);
    try {
      cipher.encrypt('hunter2');
    } catch (err) {
      expect((err as CoreError).code).toBe('UNAVAILABLE');
      expect((err as CoreError).message).not.toContain('hunter2');
    }
    expect(() => cipher.decrypt(Buffer.from('x'))).toThrow(/cannot be decrypted/);
  });

  it('is what core stores secrets with when it is passed in', () => {
    const dataDir = tempDir();
    const storage = fakeSafeStorage();
    const core = createCore({ dataDir, env: {}, cipher: new SafeStorageCipher(storage) });
    core.secrets.set('openai.apiKey', 'sk-from-the-keychain');
    const row = core.db.prepare('SELECT ciphertext, cipher FROM secrets').get() as { ciphertext: Buffer; cipher: string };
    expect(row.cipher).toBe('electron-safe-storage');
    expect(row.ciphertext.toString('utf8')).not.toContain('sk-from-the-keychain');
    expect(core.secrets.reveal('openai.apiKey')).toBe('sk-from-the-keychain');
    core.close();

    // a later start without the keychain (headless cipher) does not misread the keychain's bytes
    const headless = createCore({ dataDir, env: {} });
    expect(headless.secrets.reveal('openai.apiKey')).toBeUndefined();
    headless.close();
  });
});

describe('chooseSecretCipher', () => {
  it('uses the keychain when encryption is available', () => {
    expect(chooseSecretCipher(fakeSafeStorage(), 'darwin').cipher).toBeInstanceOf(SafeStorageCipher);
    expect(chooseSecretCipher(fakeSafeStorage({ backend: 'gnome_libsecret' }), 'linux').cipher).toBeInstanceOf(SafeStorageCipher);
  });

  it('falls back to core\u2019s headless cipher when it is not, or on Linux without a keyring', () => {
    expect(chooseSecretCipher(fakeSafeStorage({ available: false }), 'win32')).toEqual({ reason: expect.stringMatching(/not available/) });
    expect(chooseSecretCipher(fakeSafeStorage({ backend: 'basic_text' }), 'linux')).toEqual({ reason: expect.stringMatching(/basic_text/) });
  });
});
