/** Approvals: the inbox of steps waiting for the founder. */
export { default } from './ApprovalsPage';
