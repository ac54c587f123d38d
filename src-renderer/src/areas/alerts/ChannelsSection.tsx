import { getApi } from '../../api/client';
import { DataTable } from '../../components/DataTable';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../hooks/use-load';
import { ChannelRow } from './ChannelRow';

const columns = ['Channel', 'Set up', 'Last delivery', 'Send test'];

/** Every alert channel (notify.channels): set up or what to set, how its latest delivery ended, and a test sent now (notify.test). */
export function ChannelsSection() {
  const channels = useLoad(() => getApi().notify.channels({}), []);
  const list = channels.data?.channels ?? [];
  return (
    <section className="card section" aria-labelledby="al-channels-title" data-testid="alerts-channels">
      <div className="section-head">
        <h2 id="al-channels-title">Channels</h2>
        <button type="button" className="button button--ghost button--small" onClick={channels.reload} data-testid="channels-refresh">
          Check again
        </button>
      </div>
      <p className="muted">
        Where notices can go. A channel that is not set up names the setting or secret it needs (<a href="#/settings">Settings</a>). Send test sends one notice now, outside the outbox, and shows what the provider answered.
      </p>
      <ErrorNotice message={channels.error ? `Could not read the channels: ${channels.error}` : undefined} onRetry={channels.reload} />
      {channels.data === undefined && !channels.error ? <p className="muted">Loading…</p> : null}
      {list.length > 0 ? (
        <DataTable columns={columns} label="Alert channels" testId="channels-table">
          {list.map((channel) => (
            <ChannelRow key={channel.id} channel={channel} />
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
