/** DFY packages: Stripe products, prices and payment links, each change a Class C approval. */
export { PackageService, packageApprovalKind, type PackageServiceDeps, type PackageApprovalPort } from './package-service';
export { idempotencyKeyFor } from './run-plan';
