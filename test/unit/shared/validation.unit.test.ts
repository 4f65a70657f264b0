import { DomainError, InvalidInput } from '../../../src/domain/shared/errors';
import {
  MAX_NAME_LENGTH,
  MAX_TEXT_LENGTH,
  optionalCode,
  optionalText,
  requireDateUpToToday,
  requireEffectiveDate,
  requireName,
  requireOneOf,
  requirePositiveInteger,
} from '../../../src/domain/shared/validation';

/** The InvalidInput `run` throws, as `{ code, field }`. */
function refusal(run: () => unknown): { code: string; field: string | undefined } {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    const { code, field } = error as DomainError;
    return { code, field };
  }
  throw new Error('expected InvalidInput, but nothing was thrown');
}

describe('names', () => {
  it('a name is trimmed', () => {
    expect(requireName('  第一党支部 ', 'input.name')).toBe('第一党支部');
  });

  it('a name must not be empty or blank', () => {
    expect(refusal(() => requireName('', 'input.name'))).toEqual({ code: 'INPUT.REQUIRED', field: 'input.name' });
    expect(refusal(() => requireName(' \u3000 ', 'input.name'))).toEqual({ code: 'INPUT.REQUIRED', field: 'input.name' });
    expect(refusal(() => requireName(null, 'input.name'))).toEqual({ code: 'INPUT.REQUIRED', field: 'input.name' });
  });

  it('a name is at most 200 characters, counted as a person counts them', () => {
    expect(requireName('x'.repeat(MAX_NAME_LENGTH), 'input.name')).toHaveLength(200);
    expect(requireName('𠀀'.repeat(MAX_NAME_LENGTH), 'input.name')).toHaveLength(400); // 200 characters outside the BMP
    expect(refusal(() => requireName('x'.repeat(201), 'input.name'))).toEqual({ code: 'INPUT.TOO_LONG', field: 'input.name' });
    expect(refusal(() => requireName('x'.repeat(10_000), 'input.name'))).toEqual({ code: 'INPUT.TOO_LONG', field: 'input.name' });
  });

  it('a name has no control characters', () => {
    for (const bad of ['a\nb', 'a\tb', 'a\u0000b', 'a\u007fb']) {
      expect(refusal(() => requireName(bad, 'input.name'))).toEqual({ code: 'INPUT.CONTROL_CHARACTER', field: 'input.name' });
    }
  });

  it('a name has a visible character: one of only zero-width or format characters looks empty to a person', () => {
    for (const bad of ['\u200b', '\u200b\u200c\u200d', '\ufeff', ' \u200b \u2060 ']) {
      expect(refusal(() => requireName(bad, 'input.name'))).toEqual({ code: 'INPUT.REQUIRED', field: 'input.name' });
    }
    expect(requireName('👩\u200d💻', 'input.name')).toBe('👩\u200d💻'); // a joiner inside a visible name is part of it
  });

  it('a name has no bidirectional overrides or isolates, and no broken characters', () => {
    for (const bad of ['abc\u202etxt.exe', '\u2066李\u2069', 'a\u202ab']) {
      expect(refusal(() => requireName(bad, 'input.name'))).toEqual({ code: 'INPUT.BIDI_CONTROL', field: 'input.name' });
    }
    for (const bad of ['a\ud800b', 'a\udc00', '\ud83d']) {
      expect(refusal(() => requireName(bad, 'input.name'))).toEqual({ code: 'INPUT.BROKEN_CHARACTER', field: 'input.name' });
    }
    expect(requireName('𠀀李', 'input.name')).toBe('𠀀李');
  });
});

describe('codes', () => {
  it('an absent code is null', () => {
    expect(optionalCode(null, 'input.code')).toBeNull();
    expect(optionalCode(undefined, 'input.code')).toBeNull();
  });

  it('a code is trimmed, in upper case, and may use letters, digits, dots, dashes and underscores', () => {
    expect(optionalCode(' HX-01.a_b ', 'input.code')).toBe('HX-01.A_B');
    expect(optionalCode('ｈｘ－０１\u200b', 'input.code')).toBe('HX-01');
    expect(optionalCode('A'.repeat(64), 'input.code')).toHaveLength(64);
  });

  it.each(['', '-A1', '.A1', 'A 1', 'A/1', '党支部', 'A'.repeat(65)])('"%s" is not a code', (bad) => {
    expect(refusal(() => optionalCode(bad, 'input.code'))).toEqual({ code: 'INPUT.BAD_CODE', field: 'input.code' });
  });

  it('a refused code is not echoed back in full', () => {
    expect(() => optionalCode('x '.repeat(5_000), 'input.code')).toThrow(/^input\.code .{0,200}$/s);
  });
});

describe('free texts', () => {
  it('an absent or blank text is null; a text is trimmed', () => {
    expect(optionalText(null, 'input.reason')).toBeNull();
    expect(optionalText('   ', 'input.reason')).toBeNull();
    expect(optionalText(' 两个车间合并\n第二行 ', 'input.reason')).toBe('两个车间合并\n第二行');
  });

  it('a text is at most 2,000 characters unless a field says otherwise', () => {
    expect(optionalText('x'.repeat(MAX_TEXT_LENGTH), 'input.note')).toHaveLength(2_000);
    expect(refusal(() => optionalText('x'.repeat(2_001), 'input.note'))).toEqual({ code: 'INPUT.TOO_LONG', field: 'input.note' });
    expect(refusal(() => optionalText('x'.repeat(11), 'input.note', 10))).toEqual({ code: 'INPUT.TOO_LONG', field: 'input.note' });
  });

  it('a text may hold line breaks and tabs but no other control characters', () => {
    expect(optionalText('a\r\n\tb', 'input.note')).toBe('a\r\n\tb');
    expect(refusal(() => optionalText('a\u0007b', 'input.note'))).toEqual({ code: 'INPUT.CONTROL_CHARACTER', field: 'input.note' });
  });
});

describe('enumerations and numbers', () => {
  it('a value must be one of the allowed ones', () => {
    expect(requireOneOf('BRANCH', ['BRANCH', 'GROUP'], 'input.level')).toBe('BRANCH');
    expect(refusal(() => requireOneOf('branch', ['BRANCH', 'GROUP'], 'input.level'))).toEqual({ code: 'INPUT.UNKNOWN_VALUE', field: 'input.level' });
  });

  it('a count of days is a whole number from 1', () => {
    expect(requirePositiveInteger(30, 'input.expiryDays')).toBe(30);
    for (const bad of [0, -1, 2.5, Number.NaN, 100_000]) {
      expect(refusal(() => requirePositiveInteger(bad, 'input.expiryDays'))).toEqual({ code: 'INPUT.OUT_OF_RANGE', field: 'input.expiryDays' });
    }
  });
});

describe('dates that must not be in the future', () => {
  const today = '2024-06-30';

  it('a date up to and including today is accepted', () => {
    expect(requireDateUpToToday('2024-06-30', 'input.joinedOn', today)).toBe('2024-06-30');
    expect(requireEffectiveDate({ effectiveDate: '1949-10-01', today })).toBe('1949-10-01');
  });

  it('a date after today is refused', () => {
    expect(refusal(() => requireDateUpToToday('2024-07-01', 'input.joinedOn', today))).toEqual({ code: 'DATE.IN_FUTURE', field: 'input.joinedOn' });
    expect(refusal(() => requireEffectiveDate({ effectiveDate: '2099-01-01', today }))).toEqual({ code: 'DATE.IN_FUTURE', field: 'input.effectiveDate' });
  });

  it('an impossible date is refused before it is compared', () => {
    expect(refusal(() => requireEffectiveDate({ effectiveDate: '2023-02-30', today }))).toEqual({ code: 'DATE.INVALID', field: 'input.effectiveDate' });
    expect(refusal(() => requireEffectiveDate({ effectiveDate: '30/06/2024', today }))).toEqual({ code: 'DATE.INVALID', field: 'input.effectiveDate' });
  });
});
