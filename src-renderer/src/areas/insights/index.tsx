import { NotBuiltPanel } from '../../components/NotBuiltPanel';

/** Insights: not built yet. Replace this panel with the real page when the area lands. */
export default function InsightsArea() {
  return <NotBuiltPanel id="insights" />;
}
