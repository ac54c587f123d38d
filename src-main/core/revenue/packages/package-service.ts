import type { Approval } from '../../../../shared/contract/approvals';
import type { DfyPackage, PackageFields } from '../../../../shared/contract/revenue-packages';
import { formatMinorUnits } from '../../../../shared/money';
import type { LaunchStage } from '../../../../shared/stage';
import { defineApprovalSubject, type ApprovalService } from '../../approvals';
import type { Clock } from '../../clock';
import type { Db } from '../../db/open';
import { badInput, CoreError } from '../../errors';
import { uuidv7 } from '../../ids';
import type { Logger } from '../../logger';
import type { StripeConnection } from '../stripe/connection';
import type { StripeRetryOptions } from '../stripe/retry';
import { applyPackageApproval } from './apply-approval';
import { PackageStore, type StoredPackage } from './package-store';
import { PackagePublisher, type PackageRemote } from './publish-remote';
import { paymentLinkPort } from './payment-links';
import type { PaymentLinkPort } from '../../payment-link-port';
import { every } from '../../periodic';
import type { BackgroundTask } from '../../background';
import { fieldsOf, planArchive, planChange, planCreate, type PackagePlan } from './stripe-plan';

export const packageApprovalKind = 'revenue.package';

/** A package request nobody decides on within a week is rejected: nothing is created. */
export const packageApprovalTimeoutMs = 7 * 24 * 3_600_000;

export type PackageApprovalPort = Pick<ApprovalService, 'request' | 'registerSubject' | 'pendingFor' | 'audit'>;

export interface PackageServiceDeps {
  db: Db;
  clock: Clock;
  log: Logger;
  stage: () => LaunchStage;
  connect(): StripeConnection;
  retry: StripeRetryOptions;
  /** The shared Postgres the companion site reads packages from (optional). */
  remote: PackageRemote;
}

/** How often packages not yet in the shared Postgres are tried again. */
const publishEveryMs = 5 * 60_000;

const verb = { create: 'Put on sale', change: 'Change', archive: 'Take off sale' } as const;

/**
 * DFY packages sold through Stripe payment links. Every proposal, change and archive is a Class
 * C approval whose preview is the calls exactly as they will be sent; only approving makes them.
 */
export class PackageService {
  private readonly store: PackageStore;
  private readonly publisher: PackagePublisher;
  private approvals: PackageApprovalPort | undefined;

  constructor(private readonly d: PackageServiceDeps) {
    this.store = new PackageStore(d.db);
    this.publisher = new PackagePublisher(this.store, d.remote, d.log);
  }

  /** Payment links for a package or a price, for the workflow step stripe.paymentLink. */
  paymentLinks(): PaymentLinkPort {
    return paymentLinkPort({ ...this.d, store: this.store });
  }

  /** Writes the packages the shared Postgres lacks (after each change, and every few minutes while a remote is set). */
  publish(): Promise<number> {
    return this.publisher.publish();
  }

  backgroundTask(): BackgroundTask {
    return every('revenue.packagesPublish', () => (this.d.remote.configured ? publishEveryMs : 0), () => this.publisher.publish(), this.d.log, 10_000);
  }

  connectApprovals(approvals: PackageApprovalPort): void {
    this.approvals = approvals;
    approvals.registerSubject(defineApprovalSubject({ kind: packageApprovalKind, decided: (a) => this.applyDecision(a) }));
  }

  list(): DfyPackage[] {
    return this.store.list().map(({ approvalId: _, ...p }) => ({ ...p, pendingApprovalId: this.approvals?.pendingFor(packageApprovalKind, p.id)?.id ?? null }));
  }

  propose(fields: PackageFields): Approval {
    return this.ask(planCreate(uuidv7(this.d.clock.now()), fields));
  }

  change(id: string, fields: Partial<PackageFields>): Approval {
    const current = this.activePackage(id);
    const plan = planChange(current, { ...fieldsOf(current), ...fields });
    if (plan.calls.length === 0) throw badInput('id', `the change leaves ${current.name} as it is: give a new name, tier, price, currency or description`);
    return this.ask(plan);
  }

  archive(id: string): Approval {
    return this.ask(planArchive(this.activePackage(id)));
  }

  /** Acts on a decided package approval (the subject's `decided`; calling it again never doubles anything in Stripe). */
  async applyDecision(a: Approval) {
    if (a.status === 'approved') this.auditStripeWrites(a);
    const outcome = await applyPackageApproval({ ...this.d, store: this.store }, a);
    this.publisher.publishSoon();
    return outcome;
  }

  /** The audit row of the Stripe writes an approved plan makes, before they are made (the audit log lists it). */
  private auditStripeWrites(a: Approval): void {
    const plan = a.preview as { packageId: string; action: string; calls: Array<{ op: string; path: string }> };
    this.approvals?.audit({
      at: this.d.clock.now(),
      subject: { kind: packageApprovalKind, ref: plan.packageId },
      stepType: 'stripe.package',
      class: 'C',
      stage: this.d.stage(),
      mode: 'real',
      decision: 'approved',
      approvalId: a.id,
      attempt: 1,
      detail: JSON.stringify({ action: plan.action, calls: plan.calls.map((c) => `${c.op} ${c.path}`) }),
    });
  }

  private activePackage(id: string): StoredPackage {
    const p = this.store.get(id);
    if (!p) throw new CoreError('NOT_FOUND', `id: no DFY package ${id} (see levqor revenue packages)`, 'id');
    if (p.status !== 'active') throw badInput('id', `the DFY package ${p.name} is archived; propose a new one instead`);
    const pending = this.approvals?.pendingFor(packageApprovalKind, id);
    if (pending) throw new CoreError('CONFLICT', `id: a change of ${p.name} already waits for approval ${pending.id}; approve or reject it first`, 'id');
    return p;
  }

  private ask(plan: PackagePlan): Approval {
    if (!this.approvals) throw new Error('the DFY package approval subject is not connected');
    const f = plan.package;
    const what = `${f.name} (${f.tier}, ${formatMinorUnits(f.priceMinor, f.currency)})`;
    return this.approvals.request({
      subject: { kind: packageApprovalKind, ref: plan.packageId, title: `${verb[plan.action]}: DFY package ${what}` },
      action: `revenue.package.${plan.action}`,
      class: 'C',
      stage: this.d.stage(),
      message: `${verb[plan.action]} the DFY package ${what}: ${plan.calls.length} Stripe call${plan.calls.length === 1 ? '' : 's'} (${plan.calls.map((c) => `${c.method} ${c.path}`).join(', ')})`,
      preview: plan,
      requestedBy: 'revenue packages',
      timeoutMs: packageApprovalTimeoutMs,
    });
  }
}
