/**
 * Errors raised by domain code, with a stable code (`UNIT.PARENT_WRONG_LEVEL`) and a message a
 * person understands. `src/api/errors.ts` maps each kind to a GraphQL `extensions.code`.
 */
export type DomainErrorKind = 'INVALID_INPUT' | 'RULE_VIOLATION' | 'NOT_FOUND' | 'CONFLICT';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  constructor(
    /** Stable, dotted code: `AREA.RULE`. */
    readonly code: string,
    message: string,
    /** The input field the error is about, when there is one (`input.parentId`). */
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input is malformed: a bad date, an empty name, an unknown enum value. */
export class InvalidInput extends DomainError {
  readonly kind = 'INVALID_INPUT';
}

/** The input is well formed but breaks a rule of the organization. */
export class RuleViolation extends DomainError {
  readonly kind = 'RULE_VIOLATION';
}

/** A referenced entity does not exist. */
export class NotFound extends DomainError {
  readonly kind = 'NOT_FOUND';
}

/** The state changed under the caller (stale expectedVersion, concurrent writes). */
export class Conflict extends DomainError {
  readonly kind = 'CONFLICT';
}
