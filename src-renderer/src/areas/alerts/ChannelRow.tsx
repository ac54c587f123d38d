import { useState } from 'react';
import type { ChannelStatus, ChannelTest } from '../../../../shared/contract/notify';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { When } from '../../components/When';
import { useAction } from '../../hooks/use-action';
import { stateTone, testOutcomeTone } from './format';
import { ProviderWords } from './ProviderWords';

/** One channel: its label, set up or the reason naming what to set, its latest delivery, and Send test with the provider's answer. */
export function ChannelRow({ channel }: { channel: ChannelStatus }) {
  const [test, setTest] = useState<ChannelTest | undefined>(undefined);
  const action = useAction();
  const last = channel.lastDelivery;
  const sendTest = () => void action.run(async () => setTest(await getApi().notify.test({ channel: channel.id })));
  return (
    <tr data-testid="channel-row" data-channel={channel.id} data-configured={channel.configured}>
      <td className="al-notice">
        <strong>{channel.label}</strong>
        <code className="al-event">{channel.id}</code>
      </td>
      <td data-testid="channel-setup">
        {channel.configured ? (
          <span className="pill tone--good">set up</span>
        ) : (
          <span className="al-notice">
            <span className="pill tone--warn">not set up</span>
            <span className="al-error" data-testid="channel-reason">
              {channel.reason}
            </span>
            <a href="#/settings">Open Settings</a>
          </span>
        )}
      </td>
      <td data-testid="channel-last-delivery">
        {last === null ? (
          <span className="muted">none yet</span>
        ) : (
          <span className="al-notice">
            <span>
              <span className={`pill tone--${stateTone[last.state]}`}>{last.state}</span> <When at={last.at} />
            </span>
            {last.error ? <span className="al-error">{last.error}</span> : null}
          </span>
        )}
      </td>
      <td className="al-notice">
        <button type="button" className="button button--ghost button--small" disabled={action.pending} onClick={sendTest} data-testid="channel-test">
          {action.pending ? 'Sending…' : 'Send test'}
        </button>
        <ErrorNotice message={action.error} inline />
        {test && !action.pending ? (
          <span className="al-notice" data-testid="channel-test-result" data-outcome={test.outcome}>
            <span>
              <span className={`pill tone--${testOutcomeTone[test.outcome]}`} data-testid="channel-test-outcome">
                {test.outcome}
              </span>{' '}
              <span className="muted">in {test.tookMs} ms</span>
            </span>
            <ProviderWords answer={test.answer} error={test.error} testId="channel-test" />
          </span>
        ) : null}
      </td>
    </tr>
  );
}
