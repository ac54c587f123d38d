import { describe, expect, it } from 'vitest';
import { checkMove, moveProblem, stageThatWins } from './stage-rules';

describe('pipeline stage rules', () => {
  it('lets a lead move forward, skipping stages, and to lost from any open stage', () => {
    expect(moveProblem('lead', 'new', 'contacted', undefined)).toBeUndefined();
    expect(moveProblem('lead', 'new', 'qualified', undefined)).toBeUndefined();
    expect(moveProblem('lead', 'contacted', 'won', undefined)).toBeUndefined();
    expect(moveProblem('lead', 'new', 'lost', undefined)).toBeUndefined();
    expect(moveProblem('lead', 'qualified', 'lost', undefined)).toBeUndefined();
  });

  it('wants a note for a move back, out of an end, or from one end to the other', () => {
    expect(moveProblem('lead', 'qualified', 'contacted', undefined)).toBe('moving back from qualified to contacted needs a note saying why (--note)');
    expect(moveProblem('lead', 'qualified', 'contacted', '  ')).toMatch(/needs a note/);
    expect(moveProblem('lead', 'qualified', 'contacted', 'they went quiet')).toBeUndefined();
    expect(moveProblem('lead', 'won', 'qualified', undefined)).toMatch(/needs a note/);
    expect(moveProblem('lead', 'lost', 'won', undefined)).toMatch(/needs a note/);
    expect(moveProblem('lead', 'lost', 'won', 'they came back')).toBeUndefined();
    expect(moveProblem('dfy', 'in_progress', 'quoted', undefined)).toBe('moving back from in progress to quoted needs a note saying why (--note)');
  });

  it('refuses the stage it is in, an unknown stage, and a DFY request skipping paid', () => {
    expect(moveProblem('lead', 'contacted', 'contacted', 'x')).toBe('the lead is already contacted');
    expect(moveProblem('dfy', 'in_progress', 'in_progress', undefined)).toBe('the DFY request is already in progress');
    expect(moveProblem('lead', 'new', 'paid', undefined)).toBe('must be one of new, contacted, qualified, won, lost');
    expect(moveProblem('dfy', 'quoted', 'in_progress', undefined)).toBe('a DFY request must be marked paid before it moves to in progress (it is quoted)');
    expect(moveProblem('dfy', 'new', 'delivered', undefined)).toMatch(/must be marked paid/);
    expect(moveProblem('dfy', 'new', 'paid', undefined)).toBeUndefined();
    expect(moveProblem('dfy', 'paid', 'delivered', undefined)).toBeUndefined();
    expect(moveProblem('dfy', 'scoped', 'cancelled', undefined)).toBeUndefined();
  });

  it('throws BAD_INPUT on the field stage', () => {
    expect(() => checkMove('lead', 'won', 'new', undefined)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', field: 'stage', message: 'stage: moving back from won to new needs a note saying why (--note)' }));
  });

  it('keeps the stage further along when the site moved it meanwhile; an end of the site\u2019s stays', () => {
    expect(stageThatWins('lead', 'contacted', 'qualified')).toBe('founder');
    expect(stageThatWins('lead', 'qualified', 'contacted')).toBe('site');
    expect(stageThatWins('lead', 'qualified', 'lost')).toBe('founder');
    expect(stageThatWins('lead', 'won', 'lost')).toBe('site');
    expect(stageThatWins('dfy', 'paid', 'quoted')).toBe('site');
    expect(stageThatWins('dfy', 'quoted', 'paid')).toBe('founder');
  });
});
