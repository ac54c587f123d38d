import { useEffect } from 'react';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Section } from '../../components/Section';
import { useLoad } from '../../hooks/use-load';
import { DataMapTable } from './DataMapTable';
import { RequestForm } from './RequestForm';
import { RequestList } from './RequestList';
import './compliance.css';

/** GDPR / CCPA: subject requests with their due dates, their exports and erasure proofs, and the data map. */
export default function ComplianceArea() {
  const requests = useLoad(() => getApi().compliance.requests({ limit: 200 }), []);
  const map = useLoad(() => getApi().compliance.dataMap(), []);
  const reload = requests.reload;
  useEffect(() => getApi().on('compliance.changed', () => reload()), [reload]);
  const coverage = map.data?.coverage;
  return (
    <div className="page-wide compliance">
      <Section id="compliance-requests" title="Subject requests" description="Export, erase or do-not-sell requests, due one month after receipt under GDPR and 45 days under CCPA. An erase waits for your approval (Class C).">
        <RequestForm onFiled={() => reload()} />
        <ErrorNotice message={requests.error} onRetry={reload} />
        {requests.data ? <RequestList requests={requests.data.requests} onChanged={reload} /> : null}
      </Section>
      <Section id="compliance-map" title="Data map" description="Every table of this app and of the shared database: its personal data, why it is kept, for how long, and what erasing a person does to it.">
        <ErrorNotice message={map.error} onRetry={map.reload} />
        {coverage ? (
          <p className={`notice toned ${coverage.complete ? 'tone--good' : 'tone--bad'}`} data-testid="compliance-coverage">
            {coverage.complete ? `The map covers every table (${coverage.tables})${coverage.remoteChecked ? '' : '; the shared database was not read, so only this app\u2019s tables were compared'}.` : `Not covered: ${coverage.missing.map((m) => `${m.store}:${m.table}`).join(', ')}`}
          </p>
        ) : null}
        {map.data ? <DataMapTable tables={map.data.tables} /> : null}
      </Section>
    </div>
  );
}
