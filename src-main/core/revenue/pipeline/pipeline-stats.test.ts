import { describe, expect, it } from 'vitest';
import { furthestRank, pipelineStats, stays, type StageHistory } from './pipeline-stats';

const day = 86_400_000;

describe('pipeline stats', () => {
  it('counts, reached, conversion and time in stage for leads, by hand', () => {
    // four leads:
    //  A: new d0 → contacted d2 → qualified d5 → won d6
    //  B: new d0 → contacted d4 → lost d5 (reached contacted)
    //  C: new d1, still new
    //  D: new d0 → qualified d3 (skipped contacted) → lost d10 (reached qualified)
    const items: StageHistory[] = [
      { stage: 'won', stageTimes: { new: 0, contacted: 2 * day, qualified: 5 * day, won: 6 * day } },
      { stage: 'lost', stageTimes: { new: 0, contacted: 4 * day, lost: 5 * day } },
      { stage: 'new', stageTimes: { new: 1 * day } },
      { stage: 'lost', stageTimes: { new: 0, qualified: 3 * day, lost: 10 * day } },
    ];
    const s = pipelineStats('lead', items);
    expect(s.total).toBe(4);
    // reached: new 4; contacted A, B, D (D skipped past it) = 3; qualified A, D = 2; won A = 1
    const by = Object.fromEntries(s.stages.map((r) => [r.stage, r]));
    expect(by.new).toMatchObject({ count: 1, reached: 4, conversionToNext: 3 / 4 });
    expect(by.contacted).toMatchObject({ count: 0, reached: 3, conversionToNext: 2 / 3 });
    expect(by.qualified).toMatchObject({ count: 0, reached: 2, conversionToNext: 1 / 2 });
    expect(by.won).toMatchObject({ count: 1, reached: 1, conversionToNext: null });
    expect(by.lost).toMatchObject({ count: 2, reached: 2, conversionToNext: null, stays: 0, meanMs: null, medianMs: null });
    // stays in new: A 2d, B 4d, D 3d (C still new: not complete) → mean 3d, median 3d
    expect(by.new).toMatchObject({ stays: 3, meanMs: 3 * day, medianMs: 3 * day });
    // contacted: A 3d, B 1d → mean 2d, median (1+3)/2 = 2d; qualified: A 1d, D 7d → mean 4d, median 4d
    expect(by.contacted).toMatchObject({ stays: 2, meanMs: 2 * day, medianMs: 2 * day });
    expect(by.qualified).toMatchObject({ stays: 2, meanMs: 4 * day, medianMs: 4 * day });
    // closed: won 1, lost 2 → 1/3; overall 1/4
    expect(s.closeRate).toBeCloseTo(1 / 3, 12);
    expect(s.overallConversion).toBe(1 / 4);
  });

  it('DFY: in_progress reads "in progress", the furthest stage counts a cancelled request\u2019s path', () => {
    const items: StageHistory[] = [
      { stage: 'delivered', stageTimes: { new: 0, scoped: day, quoted: 2 * day, paid: 3 * day, in_progress: 3 * day, delivered: 13 * day } },
      { stage: 'cancelled', stageTimes: { new: 0, scoped: 2 * day, quoted: 4 * day, cancelled: 9 * day } },
      { stage: 'paid', stageTimes: { new: 0, paid: 1 * day } },
    ];
    expect(furthestRank('dfy', items[1]!)).toBe(2);
    const s = pipelineStats('dfy', items);
    const by = Object.fromEntries(s.stages.map((r) => [r.stage, r]));
    expect(by.in_progress).toMatchObject({ label: 'in progress', reached: 1, count: 0, conversionToNext: 1, stays: 1, meanMs: 10 * day });
    // reached paid: the delivered one and the paid one = 2 of 3 that reached quoted-or-beyond (all 3)
    expect(by.quoted).toMatchObject({ reached: 3, conversionToNext: 2 / 3 });
    expect(by.paid).toMatchObject({ reached: 2, conversionToNext: 1 / 2, count: 1 });
    // quoted stays: 1d (first), 5d (second) → median 3d
    expect(by.quoted).toMatchObject({ stays: 2, medianMs: 3 * day });
    expect(s.closeRate).toBe(1 / 2);
    expect(s.overallConversion).toBeCloseTo(1 / 3, 12);
  });

  it('has nulls, not zeros or NaN, with nothing to measure', () => {
    const s = pipelineStats('lead', []);
    expect(s).toMatchObject({ total: 0, closeRate: null, overallConversion: null });
    expect(s.stages.every((r) => r.conversionToNext === null && r.meanMs === null)).toBe(true);
    expect(stays({ stage: 'new', stageTimes: { new: 5 } })).toEqual([]);
  });
});
