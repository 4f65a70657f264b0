import { chineseNumber } from '../../../src/cli/seed/chineseNumber';
import { lastMonthEnd } from '../../../src/cli/seed/planDates';
import { Random } from '../../../src/cli/seed/random';
import { spread } from '../../../src/cli/seed/spread';

describe('seed helpers', () => {
  it('Random gives the same draws for the same seed, and different ones for another', () => {
    const draws = (seed: number) => {
      const random = new Random(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draws(7)).toEqual(draws(7));
    expect(draws(7)).not.toEqual(draws(8));
    expect(draws(7).every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('a forked Random does not depend on what else draws from the parent', () => {
    const a = new Random(3);
    const b = new Random(3);
    b.fork('other').next();
    expect(a.fork('members').next()).toBe(b.fork('members').next());
  });

  it('spread always sums to the total and honours the minimum when it can', () => {
    const random = new Random(1);
    const parts = spread(random, 300, [1, 2, 0.5, 1.5, 1], 2);
    expect(parts.reduce((sum, part) => sum + part, 0)).toBe(300);
    expect(Math.min(...parts)).toBeGreaterThanOrEqual(2);
    expect(spread(random, 3, [1, 1, 1, 1, 1], 2).reduce((sum, part) => sum + part, 0)).toBe(3);
  });

  it('numbers units the Chinese way', () => {
    expect([1, 10, 12, 20, 56].map(chineseNumber)).toEqual(['一', '十', '十二', '二十', '五十六']);
  });

  it('ends the history on the last day of the previous month', () => {
    expect(lastMonthEnd('2026-11-22')).toBe('2026-10-31');
    expect(lastMonthEnd('2024-03-01')).toBe('2024-02-29');
    expect(lastMonthEnd('2026-01-15')).toBe('2025-12-31');
  });
});
