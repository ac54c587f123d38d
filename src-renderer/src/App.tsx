import { Suspense, useEffect } from 'react';
import { areaPages } from './areas';
import { ChatPanel } from './chat/ChatPanel';
import { ChatToggle } from './chat/ChatToggle';
import { useChatOpen } from './chat/use-chat-open';
import { ErrorNotice } from './components/ErrorNotice';
import { Header } from './components/Header';
import { LockedScreen } from './components/LockedScreen';
import { PageHeader } from './components/PageHeader';
import { Sidebar } from './components/Sidebar';
import { useHashRoute } from './routing/use-hash-route';
import { useFirstLaunchGuide } from './hooks/use-first-launch-guide';
import { useApp } from './store/store-context';

/** linkRefused: the page was opened from a link whose token the server did not accept. */
export function App({ linkRefused = false }: { linkRefused?: boolean }) {
  const current = useHashRoute();
  const status = useApp((s) => s.status);
  const loadError = useApp((s) => s.loadError);
  const load = useApp((s) => s.load);
  const chat = useChatOpen();
  useFirstLaunchGuide(status === 'ready');

  useEffect(() => {
    const area = current.charAt(0).toUpperCase() + current.slice(1);
    document.title = `${area} · Levqor X Control Center`;
  }, [current]);

  if (status === 'locked') return <LockedScreen linkRefused={linkRefused} />;

  const Page = areaPages[current];
  return (
    <div className="app">
      <Sidebar current={current} />
      <div className="app__column">
        <Header current={current} end={status === 'ready' ? <ChatToggle open={chat.open} onToggle={chat.toggle} /> : null} />
        <main className="page" id="main">
          <PageHeader id={current} />
          {status === 'loading' ? (
            <p className="muted" role="status">
              Connecting to Levqor X…
            </p>
          ) : null}
          {status === 'error' ? (
            <ErrorNotice message={`Could not load the control center: ${loadError}`} onRetry={() => void load()} />
          ) : null}
          {status === 'ready' ? (
            <Suspense
              fallback={
                <p className="muted" role="status">
                  Opening {current}…
                </p>
              }
            >
              <Page key={current} />
            </Suspense>
          ) : null}
        </main>
      </div>
      {status === 'ready' ? <ChatPanel open={chat.open} onClose={chat.close} /> : null}
    </div>
  );
}
