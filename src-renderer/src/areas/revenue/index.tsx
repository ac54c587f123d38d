import { NotBuiltPanel } from '../../components/NotBuiltPanel';

/** Revenue: not built yet. Replace this panel with the real page when the area lands. */
export default function RevenueArea() {
  return <NotBuiltPanel id="revenue" />;
}
