import { isSecretName, secretDefinitions, secretNames, type SecretFamily, type SecretName } from '../../../shared/secrets';
import type { SecretStatus } from '../../../shared/contract/secrets';
import { badInput } from '../errors';
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { EventBus } from '../event-bus';
import type { SecretCipher } from './cipher';

interface SecretRow {
  name: string;
  ciphertext: Buffer;
  cipher: string;
  updated_at: number;
}

/**
 * Encrypted secrets. Transports only ever see `status`; `reveal` is for core services that
 * talk to Stripe, OpenAI and friends, and its result is never logged or returned.
 */
export class SecretStore {
  constructor(
    private readonly db: Db,
    private readonly cipher: SecretCipher,
    private readonly env: NodeJS.ProcessEnv,
    private readonly clock: Clock,
    private readonly events: EventBus,
  ) {}

  status(): SecretStatus[] {
    const rows = new Map(
      (this.db.prepare('SELECT name, updated_at FROM secrets').all() as Pick<SecretRow, 'name' | 'updated_at'>[]).map((r) => [r.name, r.updated_at]),
    );
    return secretNames.map((name) => this.describe(name, rows.get(name)));
  }

  statusOf(name: string): SecretStatus {
    const checked = this.checkName(name);
    const row = this.db.prepare('SELECT updated_at FROM secrets WHERE name = ?').get(checked) as { updated_at: number } | undefined;
    return this.describe(checked, row?.updated_at);
  }

  set(name: string, value: string): SecretStatus {
    const checked = this.checkName(name);
    if (value.length === 0) throw badInput('value', 'must not be empty');
    this.store(checked, value);
    return this.changed(checked);
  }

  clear(name: string): SecretStatus {
    const checked = this.checkName(name);
    this.db.prepare('DELETE FROM secrets WHERE name = ?').run(checked);
    return this.changed(checked);
  }

  /** The plaintext for core's own use: the environment wins over the stored value. */
  reveal(name: SecretName): string | undefined {
    const fromEnv = this.env[secretDefinitions[name].env];
    if (fromEnv) return fromEnv;
    return this.decryptRow(name);
  }

  /** Stores the secret of one member of a family (a plan's repository password), encrypted like the others. */
  setFor(family: SecretFamily, key: string, value: string): void {
    if (value.length === 0) throw badInput('value', 'must not be empty');
    this.store(`${family}:${key}`, value);
  }

  /** The plaintext of one member's secret, for core's own use; undefined when none is stored (or another cipher wrote it). */
  revealFor(family: SecretFamily, key: string): string | undefined {
    return this.decryptRow(`${family}:${key}`);
  }

  hasFor(family: SecretFamily, key: string): boolean {
    return this.db.prepare('SELECT 1 FROM secrets WHERE name = ?').get(`${family}:${key}`) !== undefined;
  }

  clearFor(family: SecretFamily, key: string): void {
    this.db.prepare('DELETE FROM secrets WHERE name = ?').run(`${family}:${key}`);
  }

  private store(name: string, value: string): void {
    this.db
      .prepare('INSERT INTO secrets (name, ciphertext, cipher, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET ciphertext = excluded.ciphertext, cipher = excluded.cipher, updated_at = excluded.updated_at')
      .run(name, this.cipher.encrypt(value), this.cipher.id, this.clock.now());
  }

  private decryptRow(name: string): string | undefined {
    const row = this.db.prepare('SELECT ciphertext, cipher FROM secrets WHERE name = ?').get(name) as Pick<SecretRow, 'ciphertext' | 'cipher'> | undefined;
    if (!row) return undefined;
    if (row.cipher !== this.cipher.id) return undefined;
    return this.cipher.decrypt(row.ciphertext);
  }

  private describe(name: SecretName, updatedAt: number | undefined): SecretStatus {
    const env = secretDefinitions[name].env;
    const fromEnv = Boolean(this.env[env]);
    return {
      name,
      label: secretDefinitions[name].label,
      set: fromEnv || updatedAt !== undefined,
      source: fromEnv ? 'env' : updatedAt !== undefined ? 'stored' : 'none',
      env,
      ...(updatedAt !== undefined ? { updatedAt } : {}),
    };
  }

  private changed(name: SecretName): SecretStatus {
    const status = this.statusOf(name);
    this.events.emit('secrets.changed', status);
    return status;
  }

  private checkName(name: string): SecretName {
    if (!isSecretName(name)) throw badInput('name', `unknown secret "${name}" (known: ${secretNames.join(', ')})`);
    return name;
  }
}
