import { effectiveOn } from '../../../src/app/commands/mutationRunner';
import { InvalidInput } from '../../../src/domain/shared/errors';

const refusal = { code: 'MEETING.HELD_ON_NOT_EFFECTIVE_DATE', field: 'input.heldOn', what: 'a meeting takes effect on the day it is held' };
const options = { actor: 'test' };

describe('the day a fact happened is its effective date', () => {
  it('uses the named day when only it is given', () => {
    expect(effectiveOn('2024-03-01', options, refusal)).toEqual({ actor: 'test', effectiveDate: '2024-03-01' });
  });

  it('keeps effectiveDate when the day is not given, and accepts both when they agree', () => {
    expect(effectiveOn(null, { ...options, effectiveDate: '2024-03-02' }, refusal).effectiveDate).toBe('2024-03-02');
    expect(effectiveOn('2024-03-02', { ...options, effectiveDate: '2024-03-02' }, refusal).effectiveDate).toBe('2024-03-02');
  });

  it('refuses two different days, naming the field and the rule', () => {
    const call = () => effectiveOn('2024-03-01', { ...options, effectiveDate: '2024-03-02' }, refusal);
    expect(call).toThrow(InvalidInput);
    expect(call).toThrow('input.heldOn 2024-03-01 differs from input.effectiveDate 2024-03-02: a meeting takes effect on the day it is held');
  });
});
