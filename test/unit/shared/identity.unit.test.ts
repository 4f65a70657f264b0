import { canonicalCode, canonicalText, identityKey, optionalId } from '../../../src/domain/shared/identity';

describe('identities that look the same to a person are the same', () => {
  it('canonical text: NFKC, no invisible format characters, one space between words, trimmed', () => {
    expect(canonicalText(' 李家村\u200b ')).toBe('李家村');
    expect(canonicalText('\ufeffＲｅｄ\u00a0\u00a0Cross\u2060')).toBe('Red Cross');
    expect(canonicalText('a\u00adb')).toBe('ab');
  });

  it('identity keys ignore every space and letter case', () => {
    const village = identityKey('李家村');
    for (const typed of ['李 家村', '李家村\u200b', ' 李家村 ', '李\u3000家村']) expect(identityKey(typed)).toBe(village);
    expect(identityKey('Red  Cross')).toBe(identityKey('ｒｅｄcross'));
    expect(identityKey('李家村')).not.toBe(identityKey('张家村'));
  });

  it('codes compare in upper case; an empty id is no id', () => {
    expect(canonicalCode('seq-1')).toBe(canonicalCode('SEQ-1'));
    expect(canonicalCode('ｓｅｑ－１')).toBe('SEQ-1');
    expect([optionalId(''), optionalId('  '), optionalId(null), optionalId(undefined), optionalId(' b1 ')]).toEqual([null, null, null, null, 'b1']);
  });
});
