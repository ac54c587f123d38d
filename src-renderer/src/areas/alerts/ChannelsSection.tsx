import { channelProceduresInContract } from './channel-procedures';

/**
 * Channels (each one's setup, last delivery and "send test"): not built in this area yet. The
 * procedures it will show come with the channel setup; until this build's contract has them,
 * the section says so rather than showing anything made up.
 */
export function ChannelsSection() {
  return (
    <section className="card section" aria-labelledby="al-channels-title" data-testid="alerts-channels">
      <div className="section-head">
        <h2 id="al-channels-title">Channels</h2>
      </div>
      <p className="notice" data-testid="channels-not-built" data-in-contract={channelProceduresInContract}>
        {channelProceduresInContract
          ? 'Channels: each channel’s setup and “send test” are not shown in this area yet.'
          : 'Channels: coming with the channel setup (Telegram, Slack, email and a “send test” for each). Notices go to the system notification meanwhile.'}
      </p>
    </section>
  );
}
