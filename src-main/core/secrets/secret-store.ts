import { isSecretName, secretDefinitions, secretFormatProblem, secretNames, type SecretDefinition, type SecretFamily, type SecretName } from '../../../shared/secrets';
import type { SecretStatus, SecretTest } from '../../../shared/contract/secrets';
import { badInput, CoreError } from '../errors';
import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { EventBus } from '../event-bus';
import type { SecretCipher } from './cipher';
import { scrubSecret } from './scrub';

/**
 * A secret's "Test": asks its service with the value the app would use and says what it found
 * in one sentence (a throw is a failure, its message the reason). Registered by the capability
 * that uses the secret (createCore), so secrets never import Drive or Postgres.
 */
export type SecretTestFn = (signal: AbortSignal) => Promise<string>;

/** Long enough for a connect or a list, short enough for a button. */
const testTimeoutMs = 20_000;

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

  private readonly tests = new Map<SecretName, SecretTestFn>();

  status(): SecretStatus[] {
    const rows = new Map(
      (this.db.prepare('SELECT name, updated_at FROM secrets').all() as Pick<SecretRow, 'name' | 'updated_at'>[]).map((r) => [r.name, r.updated_at]),
    );
    return secretNames.map((name) => this.describe(name, rows.get(name)));
  }

  statusOf(name: string): SecretStatus {
    const checked = this.checkName(name);
    return this.describe(checked, this.storedAt(checked));
  }

  private storedAt(name: SecretName): number | undefined {
    const row = this.db.prepare('SELECT updated_at FROM secrets WHERE name = ?').get(name) as { updated_at: number } | undefined;
    return row?.updated_at;
  }

  /**
   * Stores `value` once its format passes (shared/secret-formats.ts); the spaces and line
   * breaks a paste brings around it are dropped first. A refused value stores nothing.
   */
  set(name: string, raw: string): SecretStatus {
    const checked = this.checkName(name);
    const value = raw.trim();
    if (value.length === 0) throw badInput('value', 'must not be empty');
    const problem = secretFormatProblem(checked, value);
    if (problem) throw new CoreError('BAD_INPUT', problem, 'value');
    this.store(checked, value);
    return this.changed(checked);
  }

  clear(name: string): SecretStatus {
    const checked = this.checkName(name);
    this.db.prepare('DELETE FROM secrets WHERE name = ?').run(checked);
    return this.changed(checked);
  }

  /** The owning capability's test of secret `name` (one per secret; a later one replaces it). */
  registerTest(name: SecretName, test: SecretTestFn): void {
    this.tests.set(name, test);
  }

  /**
   * Tries the secret against its service. The result names no part of the value: the
   * tester's words pass through scrubSecret, and nothing of it is logged or emitted.
   */
  async test(name: string): Promise<SecretTest> {
    const checked = this.checkName(name);
    const source = this.describe(checked, this.storedAt(checked)).source;
    const result = (outcome: SecretTest['outcome'], message: string): SecretTest => ({ name: checked, outcome, message, source, at: this.clock.now() });
    const value = this.reveal(checked);
    if (value === undefined) return result('not-set', 'not set: there is nothing to test');
    const test = this.tests.get(checked);
    const def: SecretDefinition = secretDefinitions[checked];
    if (!test) return result('untested', def.untestable ?? `no test yet: comes with ${def.testComesWith ?? 'a later version'}`);
    const signal = AbortSignal.timeout(testTimeoutMs);
    // a tester that does not heed the signal still gives up in time
    const timedOut = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error(`no answer within ${testTimeoutMs / 1000} s`)), { once: true }));
    try {
      return result('ok', scrubSecret(await Promise.race([test(signal), timedOut]), value));
    } catch (err) {
      return result('failed', scrubSecret(err instanceof Error ? err.message : String(err), value));
    }
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

  /**
   * Every secret value core could use — the named ones (environment included) and every family
   * member's — for redaction only (core/ai keeps them out of model prompts). One that cannot be
   * decrypted here is left out: it cannot be used, so it cannot be leaked.
   */
  everyValue(): string[] {
    const names = [...secretNames, ...(this.db.prepare("SELECT name FROM secrets WHERE name LIKE '%:%'").pluck().all() as string[])];
    const values: string[] = [];
    for (const name of names) {
      try {
        const value = isSecretName(name) ? this.reveal(name) : this.decryptRow(name);
        if (value !== undefined) values.push(value);
      } catch {
        // undecryptable: see above
      }
    }
    return values;
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
