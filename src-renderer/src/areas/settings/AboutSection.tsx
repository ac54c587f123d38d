import { useApp } from '../../store/store-context';
import { Section } from '../../components/Section';
import { UpdateNotice } from './UpdateNotice';

export function AboutSection() {
  const info = useApp((s) => s.info);
  if (!info) return null;
  const rows: [string, string][] = [
    ['Version', info.version],
    ['Data folder', info.dataDir],
    ['Database schema version', String(info.schemaVersion)],
    ['Platform', info.platform],
    ['Node.js', info.nodeVersion],
    ['Connected through', window.levqor ? 'Desktop app' : 'Browser, via levqor serve'],
  ];
  return (
    <Section id="about" title="About">
      <dl className="grid-2 facts-grid">
        {rows.map(([term, value]) => (
          <div key={term} className="field">
            <dt>{term}</dt>
            <dd>{term === 'Data folder' ? <code>{value}</code> : value}</dd>
          </div>
        ))}
      </dl>
      <UpdateNotice />
    </Section>
  );
}
