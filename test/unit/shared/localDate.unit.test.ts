import { InvalidInput } from '../../../src/domain/shared/errors';
import { addDays, addYears, dateOf, daysInMonth, isLocalDate, maxDate, parseLocalDate } from '../../../src/domain/shared/localDate';

describe('calendar dates', () => {
  it.each(['2024-02-29', '2023-12-31', '1900-01-01', '2024-04-30'])('%s is a real calendar date', (value) => {
    expect(isLocalDate(value)).toBe(true);
  });

  it.each([
    '2023-02-30',
    '2023-02-29',
    '2100-02-29',
    '2023-04-31',
    '2023-13-01',
    '2023-00-10',
    '2023-01-00',
    '2023-1-5',
    '20230105',
    '',
    ' 2023-01-05',
    '1899-12-31',
  ])('"%s" is not a real calendar date', (value) => {
    expect(isLocalDate(value)).toBe(false);
  });

  it('a bad date is refused with an error naming the field', () => {
    expect(parseLocalDate('2024-03-01', 'input.effectiveDate')).toBe('2024-03-01');
    let error: unknown;
    try {
      parseLocalDate('2023-02-30', 'input.effectiveDate');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error).toMatchObject({ code: 'DATE.INVALID', field: 'input.effectiveDate', message: expect.stringContaining('input.effectiveDate') });
  });

  it('the length of a month follows leap years', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2000, 2), daysInMonth(1900, 2), daysInMonth(2023, 4)]).toEqual([29, 28, 29, 28, 30]);
  });

  it('adding days crosses months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2021-03-01', 30)).toBe('2021-03-31');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('adding years keeps the day, or the last day of a shorter month', () => {
    expect(addYears('2021-07-01', 3)).toBe('2024-07-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('an instant has the UTC calendar date', () => {
    expect(dateOf(new Date('2024-06-30T23:59:59Z'))).toBe('2024-06-30');
  });

  it('dates compare in calendar order as strings', () => {
    expect(maxDate('2024-01-31', '2023-12-31')).toBe('2024-01-31');
    expect(maxDate('2023-12-31', '2024-01-31')).toBe('2024-01-31');
  });
});
