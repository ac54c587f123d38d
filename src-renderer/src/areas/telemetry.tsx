import { NotBuiltPanel } from '../components/NotBuiltPanel';

/** Telemetry: not built yet. Replace this panel with the real page when the area lands. */
export default function TelemetryArea() {
  return <NotBuiltPanel id="telemetry" />;
}
