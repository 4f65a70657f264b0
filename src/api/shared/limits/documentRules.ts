import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { NoSchemaIntrospectionCustomRule, type GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { RequestLimits } from '../../../app/config';
import { LimitRefusal, type LimitReason } from './limitRefusal';

type Rejection = (context: ValidationContext | null, error: GraphQLError) => void;

/**
 * Validation rules beyond graphql-js's specified ones: no introspection when it is off, and
 * graphql-armor's limits on aliases, depth and directives, each reported as a LimitRefusal
 * (graphql-armor would throw its own error, prefixed "Syntax Error").
 */
export function documentRules(limits: RequestLimits): ValidationRule[] {
  const refuse =
    (reason: LimitReason, what: string, maximum: number, hint: string): Rejection =>
    (context, error) => {
      // graphql-armor says how many it found only in its message.
      const found = /found (\d+)/.exec(error.message)?.[1];
      const details: Record<string, number> = found === undefined ? { maximum } : { maximum, found: Number(found) };
      context?.reportError(new LimitRefusal(reason, `The query has ${what}${found === undefined ? '' : ` (${found})`}: at most ${maximum}. ${hint}`, details));
    };
  return [
    ...(limits.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
    maxAliasesRule({
      n: limits.maxAliases,
      propagateOnRejection: false,
      onReject: [refuse('QUERY.TOO_MANY_ALIASES', 'too many aliases', limits.maxAliases, 'Send the fields in separate requests.')],
    }),
    maxDepthRule({
      n: limits.maxDepth,
      propagateOnRejection: false,
      onReject: [refuse('QUERY.TOO_DEEP', 'too deeply nested fields', limits.maxDepth, 'Ask for fewer levels at once.')],
    }),
    maxDirectivesRule({
      n: limits.maxDirectives,
      propagateOnRejection: false,
      onReject: [refuse('QUERY.TOO_MANY_DIRECTIVES', 'too many directives', limits.maxDirectives, 'Send a simpler query.')],
    }),
  ];
}
