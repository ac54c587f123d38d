// the base styles first, so each area's stylesheet can refine them
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getApi } from './api/client';
import { openSessionFromLink } from './api/browser-session';
import { App } from './App';
import { connectLiveUpdates, createAppStore } from './store/app-store';
import { showNoticesInBrowser } from './notices/web-notices';
import { StoreProvider } from './store/store-context';
import { applyBrandTokens } from './theme/brand-tokens';

applyBrandTokens();

async function start(): Promise<void> {
  // a browser opened from the printed link trades its token for a session before the first call
  const link = window.levqor ? 'no-link' : await openSessionFromLink();
  const api = getApi();
  const store = createAppStore(api);
  // listen for changes from other windows once the first load worked (a locked app has nothing to hear)
  let live = false;
  store.subscribe((state) => {
    if (live || state.status !== 'ready') return;
    live = true;
    connectLiveUpdates(api, store);
    // the desktop app shows notices through the OS itself
    if (!window.levqor) showNoticesInBrowser(api);
  });
  void store.getState().load();

  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <StoreProvider store={store}>
        <App linkRefused={link === 'wrong-link'} />
      </StoreProvider>
    </StrictMode>,
  );
}

void start();
