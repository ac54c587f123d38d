/** Downloads a workflow document as `<name>.workflow.json`, the format `workflow import` reads. */
export function downloadWorkflow(doc: Record<string, unknown>): void {
  const blob = new Blob([`${JSON.stringify(doc, null, 2)}\n`], { type: 'application/json' });
  const a = window.document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = `${fileStem(typeof doc.name === 'string' ? doc.name : '')}.workflow.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function fileStem(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'workflow';
}
