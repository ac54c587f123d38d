import { useEffect } from 'react';
import { getApi } from '../api/client';

function onHomePage(): boolean {
  return window.location.hash === '' || window.location.hash === '#/';
}

/**
 * On a first launch (nothing set up, guide not dismissed: onboarding.status's `shown`) the app
 * opens on Get started instead of its home page. Only a launch on the home page moves: a link to
 * an area is followed as given.
 */
export function useFirstLaunchGuide(ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    if (!onHomePage()) return;
    let cancelled = false;
    getApi()
      .onboarding.status({})
      .then((s) => {
        // the founder may have moved on while the answer came
        if (!cancelled && s.shown && onHomePage()) window.location.hash = '#/onboarding';
      })
      // a failed look leaves the home page as it is: the guide is still in the sidebar
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [ready]);
}
