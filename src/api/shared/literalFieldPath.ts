import { Kind, parse, visit, type ASTNode } from 'graphql';

/**
 * The dotted path (`input.effectiveDate`) of an inline argument value in its document, so that
 * a scalar's rejection of a literal can name the field, as graphql-js does for variables.
 */
export function literalFieldPath(node: ASTNode | undefined): string | undefined {
  const location = node?.loc;
  if (!location) return undefined;
  const path: string[] = [];
  let found: string | undefined;
  visit(parse(location.source), {
    Argument: {
      enter: (argument) => void path.push(argument.name.value),
      leave: () => void path.pop(),
    },
    ObjectField: {
      enter: (field) => void path.push(field.name.value),
      leave: () => void path.pop(),
    },
    enter: (visited) => {
      if (
        found === undefined &&
        visited.kind !== Kind.ARGUMENT &&
        visited.kind !== Kind.OBJECT_FIELD &&
        visited.loc?.start === location.start &&
        path.length > 0
      ) {
        found = path.join('.');
      }
    },
  });
  return found;
}
