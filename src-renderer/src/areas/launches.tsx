import { NotBuiltPanel } from '../components/NotBuiltPanel';

/** Launches: not built yet. Replace this panel with the real page when the area lands. */
export default function LaunchesArea() {
  return <NotBuiltPanel id="launches" />;
}
