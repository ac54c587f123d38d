import { BriefingSection } from './BriefingSection';
import { ChannelsSection } from './ChannelsSection';
import { OutboxSection } from './OutboxSection';
import { RulesSection } from './RulesSection';
import './alerts.css';

/** Alerts: the outbox and its history, the rules, the daily briefing and the channels (docs/alerts.md "The Alerts area"). */
export default function AlertsPage() {
  return (
    <div className="stack page-wide alerts" data-testid="alerts-area">
      <OutboxSection />
      <RulesSection />
      <BriefingSection />
      <ChannelsSection />
    </div>
  );
}
