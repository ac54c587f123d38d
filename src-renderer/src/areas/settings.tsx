import { StageSection } from './settings/StageSection';
import { PreferencesSection } from './settings/PreferencesSection';
import { SecretsSection } from './settings/SecretsSection';
import { AboutSection } from './settings/AboutSection';

/** Settings: launch stage, preferences, secrets (set / not set only) and what is running. */
export default function SettingsArea() {
  return (
    <div className="stack">
      <StageSection />
      <PreferencesSection />
      <SecretsSection />
      <AboutSection />
    </div>
  );
}
