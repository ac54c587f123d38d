import { describe, expect, it } from 'vitest';
import { fileStem } from './download';
import { runBlockedReason, savedNotice, saveStatus, type EditorFacts } from './editor-status';

const saved: EditorFacts = { workflowId: 'w1', dirty: false, checked: true, valid: true, problems: 0, serverDraft: false, version: 3, importing: false };

describe('toolbar status', () => {
  it('runs only a saved, checked, valid, non-draft workflow and says why not otherwise', () => {
    expect(runBlockedReason(saved)).toBeUndefined();
    expect(runBlockedReason({ ...saved, workflowId: undefined })).toBe('Save the workflow first');
    expect(runBlockedReason({ ...saved, dirty: true })).toMatch(/Save your changes first/);
    expect(runBlockedReason({ ...saved, checked: false })).toMatch(/Checking/);
    expect(runBlockedReason({ ...saved, valid: false, problems: 1 })).toBe('Fix the 1 problem first');
    expect(runBlockedReason({ ...saved, valid: false, problems: 3 })).toBe('Fix the 3 problems first');
    expect(runBlockedReason({ ...saved, serverDraft: true })).toMatch(/Saved as a draft/);
  });

  it('names the save state', () => {
    expect(saveStatus(saved)).toEqual({ text: 'Saved · v3', tone: 'ok' });
    expect(saveStatus({ ...saved, serverDraft: true })).toEqual({ text: 'Draft · v3', tone: 'draft' });
    expect(saveStatus({ ...saved, dirty: true })).toEqual({ text: 'Unsaved changes', tone: 'dirty' });
    expect(saveStatus({ ...saved, workflowId: undefined, dirty: true, importing: true })).toEqual({ text: 'Unsaved import', tone: 'dirty' });
    expect(saveStatus({ ...saved, workflowId: undefined })).toEqual({ text: 'New workflow', tone: 'muted' });
    expect(savedNotice({ draft: true, problems: 2, version: 4 })).toMatch(/^Saved as a draft \(v4\) with 2 problems/);
    expect(savedNotice({ draft: false, problems: 0, version: 5 })).toBe('Saved v5.');
  });

  it('names the exported file after the workflow', () => {
    expect(fileStem('Big order → check!')).toBe('big-order-check');
    expect(fileStem('')).toBe('workflow');
  });
});
