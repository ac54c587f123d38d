import { NotBuiltPanel } from '../../components/NotBuiltPanel';

/** Alerts: not built yet. Replace this panel with the real page when the area lands. */
export default function AlertsArea() {
  return <NotBuiltPanel id="alerts" />;
}
