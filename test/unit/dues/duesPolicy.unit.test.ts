import { DEFAULT_DUES_POLICY, DuesPolicyError, monthlyDue, parseDuesPolicy, type DuesPolicy } from '../../../src/domain/dues/duesPolicy';
import { formatMinor, parseMoney } from '../../../src/domain/dues/money';
import { periodsBetween } from '../../../src/domain/dues/period';
import { InvalidInput } from '../../../src/domain/shared/errors';

const due = (category: Parameters<typeof monthlyDue>[1]['category'], income: string, policy: DuesPolicy = DEFAULT_DUES_POLICY, period = '2024-03') =>
  formatMinor(monthlyDue(policy, { category, monthlyIncomeMinor: parseMoney(income, 'income', { allowZero: true }) }, period));

describe('the default dues policy (DOMAIN.md)', () => {
  it('charges employed members a share of the whole income by bracket, the bracket limit included', () => {
    expect(due('EMPLOYED', '3000')).toBe('15.00');
    expect(due('EMPLOYED', '3000.01')).toBe('30.00');
    expect(due('EMPLOYED', '5000')).toBe('50.00');
    expect(due('EMPLOYED', '8500')).toBe('127.50');
    expect(due('EMPLOYED', '10000')).toBe('150.00');
    expect(due('EMPLOYED', '12000')).toBe('240.00');
    expect(due('EMPLOYED', '0')).toBe('0.00');
  });

  it('charges retirees 0.5% up to 5,000 and 1% above, rounding half up to the fen', () => {
    expect(due('RETIRED', '4000')).toBe('20.00');
    expect(due('RETIRED', '4321.10')).toBe('21.61');
    expect(due('RETIRED', '6000')).toBe('60.00');
  });

  it('charges students, unemployed, rural and other members a small fixed amount whatever the income', () => {
    expect([due('STUDENT', '0'), due('UNEMPLOYED', '2000'), due('RURAL', '0'), due('OTHER', '0')]).toEqual(['0.20', '0.20', '0.50', '1.00']);
  });
});

describe('a configured dues policy', () => {
  const json = {
    versions: [
      DEFAULT_DUES_POLICY.versions[0],
      {
        ...DEFAULT_DUES_POLICY.versions[0],
        effectiveFrom: '2025-01-01',
        rules: { ...DEFAULT_DUES_POLICY.versions[0].rules, STUDENT: { kind: 'FIXED', amountMinor: 100 } },
      },
    ],
  };

  it('takes effect from its date: periods before keep the old rule', () => {
    const policy = parseDuesPolicy(JSON.parse(JSON.stringify(json)));
    expect(due('STUDENT', '0', policy, '2024-12')).toBe('0.20');
    expect(due('STUDENT', '0', policy, '2025-01')).toBe('1.00');
  });

  it.each([
    ['no versions', { versions: [] }, 'policy.versions must be a non-empty array'],
    ['a missing category', { versions: [{ effectiveFrom: '2024-01-01', rules: {} }] }, 'policy.versions[0].rules.EMPLOYED must be an object'],
    ['a bad date', { versions: [{ ...json.versions[0], effectiveFrom: '2024-13-01' }] }, 'policy.versions[0].effectiveFrom must be a date YYYY-MM-DD'],
    ['versions out of order', { versions: [json.versions[1], json.versions[0]] }, 'policy.versions[1].effectiveFrom must be after 2025-01-01'],
    [
      'brackets without an open end',
      {
        versions: [
          { ...json.versions[0], rules: { ...json.versions[1].rules, RETIRED: { kind: 'BRACKETS', brackets: [{ upToMinor: 100, basisPoints: 50 }] } } },
        ],
      },
      'policy.versions[0].rules.RETIRED.brackets: only the last bracket',
    ],
    [
      'a negative rate',
      {
        versions: [
          { ...json.versions[0], rules: { ...json.versions[1].rules, RETIRED: { kind: 'BRACKETS', brackets: [{ upToMinor: null, basisPoints: -1 }] } } },
        ],
      },
      'policy.versions[0].rules.RETIRED.brackets[0].basisPoints must be a whole number',
    ],
  ])('is refused with the path named: %s', (_, bad, message) => {
    expect(() => parseDuesPolicy(JSON.parse(JSON.stringify(bad)))).toThrow(DuesPolicyError);
    expect(() => parseDuesPolicy(JSON.parse(JSON.stringify(bad)))).toThrow(message);
  });
});

describe('money and periods', () => {
  it('parses decimals with at most two places into minor units and refuses anything else naming the field', () => {
    expect([
      parseMoney('12.5', 'input.amount', { allowZero: false }),
      parseMoney(' 3000 ', 'f', { allowZero: false }),
      parseMoney('0.01', 'f', { allowZero: false }),
    ]).toEqual([1250, 300000, 1]);
    for (const bad of ['12.345', '-1', '1e3', '', 'abc', '0']) expect(() => parseMoney(bad, 'input.amount', { allowZero: false })).toThrow(InvalidInput);
    expect(() => parseMoney('1.234', 'input.amount', { allowZero: false })).toThrow('input.amount');
  });

  it('lists the months of a range across a year end', () => {
    expect(periodsBetween('2023-11', '2024-02')).toEqual(['2023-11', '2023-12', '2024-01', '2024-02']);
  });
});
