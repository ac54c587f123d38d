import { NotBuiltPanel } from '../components/NotBuiltPanel';

/** Guardian: not built yet. Replace this panel with the real page when the area lands. */
export default function GuardianArea() {
  return <NotBuiltPanel id="guardian" />;
}
