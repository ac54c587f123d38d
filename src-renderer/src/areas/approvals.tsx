import { NotBuiltPanel } from '../components/NotBuiltPanel';

/** Approvals: not built yet. Replace this panel with the real page when the area lands. */
export default function ApprovalsArea() {
  return <NotBuiltPanel id="approvals" />;
}
