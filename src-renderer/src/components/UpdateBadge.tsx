import { useApp } from '../store/store-context';

/** A quiet pointer in the header to an available update (details and the install request in Settings → About). */
export function UpdateBadge() {
  const version = useApp((s) => s.update?.available?.version);
  if (!version) return null;
  return (
    <a className="update-badge" href="#/settings" data-testid="update-badge" title="Open Settings → About to ask to install it">
      Update {version} available
    </a>
  );
}
