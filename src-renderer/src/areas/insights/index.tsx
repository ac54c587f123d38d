import { useState } from 'react';
import { getApi } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useLoad } from '../../hooks/use-load';
import { InsightCard } from './InsightCard';
import { InsightHistory } from './InsightHistory';
import { ThisWeek } from './ThisWeek';
import './insights.css';

/**
 * Insights: the AI CEO's brief (this week's list and, with a model, a narrative) on top, the
 * rules' ranked cards with their evidence and one action each, then the history. The cards
 * come from insights.list so they show before a model has answered the brief.
 */
export default function InsightsArea() {
  const list = useLoad(() => getApi().insights.list({}), []);
  const brief = useLoad(() => getApi().insights.brief({}), []);
  const [acted, setActed] = useState(0);
  const rules = [...new Set(list.data?.insights.map((i) => i.rule) ?? [])];
  return (
    <div className="insights-page">
      <ThisWeek brief={brief} />
      <ErrorNotice message={list.error} onRetry={list.reload} />
      {list.data && list.data.insights.length === 0 ? <p className="empty">Nothing the rules flag right now.</p> : null}
      <ol className="plain-list insight-list">
        {list.data?.insights.map((i) => <InsightCard key={i.id} insight={i} onActed={() => setActed((n) => n + 1)} />)}
      </ol>
      {/* after the list: the list is what records the insights shown now in the history */}
      {list.data || list.error ? <InsightHistory rules={rules} version={acted} /> : null}
    </div>
  );
}
