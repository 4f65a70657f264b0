import { InvalidInput } from '../shared/errors';

const TOKEN_NAME = /^[a-z0-9][a-z0-9._-]{0,63}$/;

/**
 * A token's name as the rules compare it: NFKC, lower case. Only letters, digits and `.-_`
 * are allowed, so two names that look the same to a person are the same name.
 */
export function requireTokenName(value: string, field: string): string {
  const name = value.normalize('NFKC').trim().toLowerCase();
  if (!TOKEN_NAME.test(name)) {
    throw new InvalidInput(
      'TOKEN.BAD_NAME',
      `${field}: a token name is 1 to 64 of a-z, 0-9, ".", "-" and "_", starting with a letter or digit; got "${value}"`,
      field,
    );
  }
  return name;
}
