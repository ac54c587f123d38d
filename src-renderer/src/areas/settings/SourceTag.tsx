/** Where a value comes from: the default, a stored value, or an environment variable. */
export function SourceTag({ source, env }: { source: 'default' | 'stored' | 'none' | 'env'; env?: string | undefined }) {
  if (source === 'env') {
    return (
      <span className="tag tag--env">
        from env <code>{env}</code>
      </span>
    );
  }
  if (source === 'stored') return <span className="tag tag--stored">Stored</span>;
  return <span className="tag">Default</span>;
}
