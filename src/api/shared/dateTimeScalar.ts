import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';

const base = GraphQLDateTime.toConfig();

/** Runs one of DateTime's parsers, refusing bad input as BAD_USER_INPUT (as Date does). */
function refusedAsUserInput(parse: () => Date, node?: ValueNode): Date {
  try {
    return parse();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new GraphQLError(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } });
  }
}

/**
 * graphql-scalars' DateTime (ISO-8601 with zone: recorded times) with the same name, description
 * and output; its refusals carry BAD_USER_INPUT, so that errors.ts names the argument refused
 * (`knownAt`) for inline literals as for variables.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, Date>({
  ...base,
  parseValue: (value) => refusedAsUserInput(() => base.parseValue(value)),
  parseLiteral: (ast, variables) => refusedAsUserInput(() => base.parseLiteral(ast, variables), ast),
});
