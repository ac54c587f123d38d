/** Approvals: the inbox of steps waiting for the founder (src-renderer/src/areas/approvals/). */
export { default } from './approvals/ApprovalsPage';
