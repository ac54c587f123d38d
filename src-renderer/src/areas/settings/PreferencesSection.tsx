import { useApp } from '../../store/store-context';
import { Section } from '../../components/Section';
import { SettingRow } from './SettingRow';

export function PreferencesSection() {
  const settings = useApp((s) => s.settings);
  return (
    <Section id="preferences" title="Preferences" description="Every setting, its value, its default and where the value comes from.">
      <ul className="settings-list">
        {settings.map((entry) => (
          <SettingRow key={entry.key} entry={entry} />
        ))}
      </ul>
    </Section>
  );
}
