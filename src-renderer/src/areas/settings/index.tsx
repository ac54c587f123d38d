import { StageSection } from './StageSection';
import { PreferencesSection } from './PreferencesSection';
import { SecretsSection } from './SecretsSection';
import { AboutSection } from './AboutSection';
import { SessionsSection } from './SessionsSection';
import { NotificationsSection } from './NotificationsSection';
import { HardeningSection } from './HardeningSection';
import { WorkersSection } from './WorkersSection';
import './settings.css';

/** Settings: launch stage, hardening, preferences, notifications, secrets (set / not set only), browser sessions, queue workers and what is running. */
export default function SettingsArea() {
  return (
    <div className="stack">
      <StageSection />
      <HardeningSection />
      <PreferencesSection />
      <NotificationsSection />
      <SecretsSection />
      <SessionsSection />
      <WorkersSection />
      <AboutSection />
    </div>
  );
}
