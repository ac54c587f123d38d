import { NotBuiltPanel } from '../components/NotBuiltPanel';

/** Workflows: not built yet. Replace this panel with the real page when the area lands. */
export default function WorkflowsArea() {
  return <NotBuiltPanel id="workflows" />;
}
