import { StageSection } from './settings/StageSection';
import { PreferencesSection } from './settings/PreferencesSection';
import { SecretsSection } from './settings/SecretsSection';
import { AboutSection } from './settings/AboutSection';
import { SessionsSection } from './settings/SessionsSection';
import { NotificationsSection } from './settings/NotificationsSection';

/** Settings: launch stage, preferences, notifications, secrets (set / not set only), browser sessions and what is running. */
export default function SettingsArea() {
  return (
    <div className="stack">
      <StageSection />
      <PreferencesSection />
      <NotificationsSection />
      <SecretsSection />
      <SessionsSection />
      <AboutSection />
    </div>
  );
}
