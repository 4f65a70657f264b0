import { Arg } from 'type-graphql';
import { DateTimeScalar } from './dateTimeScalar';

/** `knownAt` of every root query: which recorded moment of the records to answer from. */
export function KnownAtArg(): ReturnType<typeof Arg> {
  return Arg('knownAt', () => DateTimeScalar, {
    nullable: true,
    description: 'Answer as the records stood at this recorded time, before later late entries and corrections; default: as they stand now.',
  });
}
