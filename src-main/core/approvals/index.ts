/**
 * The approval system's public entry: other capabilities import from here only
 * (tests/unit/layering.test.ts). The stores are public because the workflow runner writes a
 * step's request and its audit rows inside its own group-commit transactions.
 */
export { ApprovalService, type ApprovalServiceDeps, type SubjectApprovalRequest } from './approval-service';
export { defineApprovalSubject, type ApprovalSubjectDefinition, type SubjectOutcome } from './subject';
export { ApprovalStore, type ApprovalFilter, type StepApprovalInsert } from './approval-store';
export { AuditStore, type AuditDecision, type AuditEntry, type SubjectAuditEntry } from './audit-store';
