import fc from 'fast-check';
import { countOn, isActiveOn, memberCountSteps, type Interval } from '../../../projections';

const span = (validFrom: string, validTo: string | null = null): Interval => ({ validFrom, validTo });

describe('memberCountSteps: a unit member count over time from its membership intervals', () => {
  it('has no step for no interval', () => {
    expect(memberCountSteps([])).toEqual([]);
  });

  it('an open interval counts one from its start on', () => {
    expect(memberCountSteps([span('2020-01-01')])).toEqual([{ from: '2020-01-01', count: 1 }]);
  });

  it('a closed interval counts one until its (exclusive) end, then zero', () => {
    expect(memberCountSteps([span('2020-01-01', '2021-01-01')])).toEqual([
      { from: '2020-01-01', count: 1 },
      { from: '2021-01-01', count: 0 },
    ]);
  });

  it('joining and leaving on the same day counts nobody', () => {
    expect(memberCountSteps([span('2020-01-01', '2020-01-01')])).toEqual([]);
    expect(memberCountSteps([span('2019-01-01'), span('2020-01-01', '2020-01-01')])).toEqual([{ from: '2019-01-01', count: 1 }]);
  });

  it('adjacent intervals of one member (a stage change) make no step where one ends and the next starts', () => {
    expect(memberCountSteps([span('2020-01-01', '2020-06-01'), span('2020-06-01', '2021-02-01'), span('2021-02-01')])).toEqual([
      { from: '2020-01-01', count: 1 },
    ]);
  });

  it('a member moving between two groups of a branch keeps the branch count flat and moves one between the groups', () => {
    const inFirstGroup = span('2020-01-01', '2021-03-01');
    const inSecondGroup = span('2021-03-01');
    const other = span('2020-06-01', '2022-01-01');
    expect(memberCountSteps([inFirstGroup, inSecondGroup, other])).toEqual([
      { from: '2020-01-01', count: 1 },
      { from: '2020-06-01', count: 2 },
      { from: '2022-01-01', count: 1 },
    ]);
    expect(memberCountSteps([inFirstGroup])).toEqual([
      { from: '2020-01-01', count: 1 },
      { from: '2021-03-01', count: 0 },
    ]);
    expect(memberCountSteps([inSecondGroup])).toEqual([{ from: '2021-03-01', count: 1 }]);
  });

  it('sums overlapping members, steps sorted by date whatever the order of the intervals', () => {
    expect(memberCountSteps([span('2021-01-01'), span('2020-01-01', '2022-01-01'), span('2020-01-01', '2021-01-01')])).toEqual([
      { from: '2020-01-01', count: 2 },
      { from: '2022-01-01', count: 1 },
    ]);
  });

  it('merges equal consecutive counts: one leaving and another joining the same day makes no step', () => {
    expect(memberCountSteps([span('2020-01-01', '2021-01-01'), span('2021-01-01', '2022-01-01')])).toEqual([
      { from: '2020-01-01', count: 1 },
      { from: '2022-01-01', count: 0 },
    ]);
  });
});

describe('countOn: the count in force on a date', () => {
  const steps = [
    { from: '2020-01-01', count: 1 },
    { from: '2020-06-01', count: 3 },
    { from: '2021-01-01', count: 0 },
  ];

  it('is zero before the first step and with no steps', () => {
    expect(countOn(steps, '2019-12-31')).toBe(0);
    expect(countOn([], '2020-01-01')).toBe(0);
  });

  it('takes the step starting on the date, else the last before it', () => {
    expect(countOn(steps, '2020-01-01')).toBe(1);
    expect(countOn(steps, '2020-05-31')).toBe(1);
    expect(countOn(steps, '2020-06-01')).toBe(3);
    expect(countOn(steps, '2020-12-31')).toBe(3);
    expect(countOn(steps, '2021-01-01')).toBe(0);
    expect(countOn(steps, '2099-01-01')).toBe(0);
  });

  it('on any date equals the number of intervals in force that day', () => {
    const date = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2020, 0, 1 + n)).toISOString().slice(0, 10));
    const interval = fc.tuple(date, fc.option(fc.integer({ min: 0, max: 20 }), { nil: null })).map(([validFrom, length]): Interval => ({
      validFrom,
      validTo: length === null ? null : new Date(Date.parse(validFrom) + length * 86_400_000).toISOString().slice(0, 10),
    }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 12 }), date, (intervals, on) => {
        const steps = memberCountSteps(intervals);
        expect(countOn(steps, on)).toBe(intervals.filter((i) => isActiveOn(i, on)).length);
        for (let i = 1; i < steps.length; i++) {
          expect(steps[i].from > steps[i - 1].from).toBe(true);
          expect(steps[i].count).not.toBe(steps[i - 1].count);
        }
      }),
    );
  });
});
