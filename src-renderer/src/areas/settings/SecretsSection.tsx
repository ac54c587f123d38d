import { useApp } from '../../store/store-context';
import { Section } from '../../components/Section';
import { SecretRow } from './SecretRow';

export function SecretsSection() {
  const secrets = useApp((s) => s.secrets);
  return (
    <Section
      id="secrets"
      title="Secrets"
      description="Encrypted at rest and write-only: the app tells you whether each one is set, never its value."
    >
      <ul className="settings-list">
        {secrets.map((secret) => (
          <SecretRow key={secret.name} secret={secret} />
        ))}
      </ul>
    </Section>
  );
}
