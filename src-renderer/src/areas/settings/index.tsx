import { StageSection } from './StageSection';
import { PreferencesSection } from './PreferencesSection';
import { SecretsSection } from './SecretsSection';
import { AboutSection } from './AboutSection';
import './settings.css';
import { SessionsSection } from './SessionsSection';

/** Settings: launch stage, preferences, secrets (set / not set only), browser sessions and what is running. */
export default function SettingsArea() {
  return (
    <div className="stack">
      <StageSection />
      <PreferencesSection />
      <SecretsSection />
      <SessionsSection />
      <AboutSection />
    </div>
  );
}
