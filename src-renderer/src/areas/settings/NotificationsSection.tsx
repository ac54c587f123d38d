import { useState } from 'react';
import { Section } from '../../components/Section';
import { allowNotices, noticePermission, type NoticePermission } from '../../notices/web-notices';

const browserStates: Record<NoticePermission, string> = {
  default: 'This browser does not show them yet.',
  granted: 'This browser shows them while this page is open in a tab.',
  denied: 'This browser blocks notifications from this page. Allow them in its site settings (the icon left of the address), then reload.',
  unsupported: 'This browser cannot show notifications for this page: they need a secure address, such as http://127.0.0.1 or https.',
};

/**
 * Where notices (monitor alerts, workflow notices, approvals waiting) appear. The desktop app
 * shows them as system notifications; a browser only after the founder says so here, so the
 * page never prompts on its own.
 */
export function NotificationsSection() {
  const [permission, setPermission] = useState<NoticePermission>(() => noticePermission());
  const [asking, setAsking] = useState(false);
  const description = 'Monitor alerts, notices from workflows and approvals waiting for you.';

  if (window.levqor) {
    return (
      <Section id="notifications" title="Notifications" description={description}>
        <p data-testid="notifications-state">The desktop app shows them as system notifications, also while its window is hidden in the tray.</p>
      </Section>
    );
  }

  const allow = () => {
    setAsking(true);
    void allowNotices()
      .then(setPermission, () => setPermission(noticePermission()))
      .finally(() => setAsking(false));
  };
  return (
    <Section id="notifications" title="Notifications" description={description}>
      <p data-testid="notifications-state" data-permission={permission}>
        {browserStates[permission]}
      </p>
      {permission === 'default' ? (
        <div>
          <button type="button" className="button" disabled={asking} onClick={allow}>
            Show notifications in this browser
          </button>
        </div>
      ) : null}
    </Section>
  );
}
