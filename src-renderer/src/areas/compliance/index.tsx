import { NotBuiltPanel } from '../../components/NotBuiltPanel';

/** Compliance: not built yet. Replace this panel with the real page when the area lands. */
export default function ComplianceArea() {
  return <NotBuiltPanel id="compliance" />;
}
