import { NotBuiltPanel } from '../../components/NotBuiltPanel';

/** Backups: not built yet. Replace this panel with the real page when the area lands. */
export default function BackupsArea() {
  return <NotBuiltPanel id="backups" />;
}
