import type { Dated, Decider } from '../../src/domain/decider';
import { DomainError } from '../../src/domain/shared/errors';

/**
 * Given/when/then for deciders: fold the given (dated) events, decide the command, and check the
 * events it produces or the error it refuses with.
 *
 *   spec(unitDecider).given([on('2020-01-01', established)]).when(rename).then([renamed]);
 *   spec(unitDecider).given([]).when(establish).thenThrows(RuleViolation, 'UNIT.PARENT_WRONG_LEVEL');
 */
export function spec<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given: (events: readonly Dated<E>[]) => ({
      when: (command: C) => {
        const decide = (): E[] => decider.decide(command, events.reduce(decider.evolve, decider.initialState()));
        return {
          then: (expected: readonly E[]): void => {
            expect(decide()).toEqual(expected);
          },
          /** Returns the error, so a test can also check its message and field. */
          thenThrows: <X extends DomainError>(errorClass: new (...args: never[]) => X, code: string): X => {
            let thrown: unknown;
            try {
              const produced = decide();
              throw new Error(`expected ${errorClass.name} ${code}, but the command produced ${JSON.stringify(produced)}`);
            } catch (error) {
              thrown = error;
            }
            if (!(thrown instanceof DomainError)) throw thrown;
            expect({ kind: thrown.constructor.name, code: thrown.code }).toEqual({ kind: errorClass.name, code });
            expect(thrown).toBeInstanceOf(errorClass);
            return thrown as X;
          },
        };
      },
    }),
  };
}

/** An event as it was recorded with its effective date. */
export const on = <E>(effectiveDate: string, event: E): Dated<E> => ({ ...event, effectiveDate });
