import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isLocalDate } from '../../domain/shared/localDate';

function parse(value: unknown, node?: ValueNode): string {
  if (typeof value !== 'string' || !isLocalDate(value)) {
    throw new GraphQLError(`Date must be a real calendar date in YYYY-MM-DD form, got ${JSON.stringify(value)}`, {
      nodes: node,
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

/** A calendar date `YYYY-MM-DD` (effective dates). Impossible dates like 2023-02-30 are refused. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD: the day a fact took effect in the organization.',
  serialize: (value) => parse(value),
  parseValue: (value) => parse(value),
  parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined, ast),
});
