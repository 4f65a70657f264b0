import {
  getArgumentValues,
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Principal } from '../../../app/access/principal';
import type { RuleBook } from './accessRules';
import { forbidden } from './accessRefusals';
import { HISTORY_READERS } from './roles';

export interface SelectionToAuthorize {
  schema: GraphQLSchema;
  rules: RuleBook;
  caller: Principal;
  /** The caller's "today": a VIEWER sees the current state only. */
  today: string;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  variables: Readonly<Record<string, unknown>>;
}

/**
 * Checks a root field and everything selected below it against the rules, before its resolver
 * runs: each field needs a rule naming the caller's role (none: denied), `knownAt` needs a role
 * that reads history, and a VIEWER may not ask for another date than today.
 */
export function authorizeRootField(
  request: SelectionToAuthorize,
  rootType: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
): void {
  authorizeField(request, rootType, field, node, field.name);
}

function authorizeField(
  request: SelectionToAuthorize,
  parent: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
  path: string,
): void {
  const { caller, rules } = request;
  const roles = rules.rolesFor(parent.name, field.name);
  if (roles === undefined) throw forbidden('ACCESS.NO_RULE', `${path}: no access rule admits ${parent.name}.${field.name}`, path);
  if (!roles.includes(caller.role)) throw forbidden('ACCESS.ROLE', `${path}: a ${caller.role} token may not read ${parent.name}.${field.name}`, path);
  if (field.args.length > 0) authorizeArguments(request, field, node, path);
  if (node.selectionSet !== undefined) {
    const type = getNamedType(field.type);
    if (isObjectType(type) || isAbstractType(type)) authorizeSelectionSet(request, type, node.selectionSet, path, new Set());
  }
}

function authorizeArguments(request: SelectionToAuthorize, field: GraphQLField<unknown, unknown>, node: FieldNode, path: string): void {
  const { caller } = request;
  const args = getArgumentValues(field, node, request.variables);
  if (args.knownAt !== undefined && args.knownAt !== null && !HISTORY_READERS.includes(caller.role)) {
    throw forbidden('ACCESS.HISTORY', `${path}.knownAt: a ${caller.role} token may not read the records as they stood at an earlier moment`, `${path}.knownAt`);
  }
  if (caller.role === 'VIEWER' && typeof args.asOf === 'string' && args.asOf !== request.today) {
    throw forbidden('ACCESS.CURRENT_ONLY', `${path}.asOf: a VIEWER token sees the current state only (asOf ${request.today} or omitted)`, `${path}.asOf`);
  }
}

function authorizeSelectionSet(
  request: SelectionToAuthorize,
  type: GraphQLCompositeType,
  selectionSet: SelectionSetNode,
  path: string,
  spreading: Set<string>,
): void {
  for (const selection of selectionSet.selections) {
    switch (selection.kind) {
      case Kind.FIELD: {
        if (selection.name.value.startsWith('__')) break;
        const fields = 'getFields' in type ? type.getFields() : {};
        const field = fields[selection.name.value];
        // Validation refused unknown fields before this runs.
        if (field !== undefined) authorizeField(request, type, field, selection, `${path}.${selection.alias?.value ?? selection.name.value}`);
        break;
      }
      case Kind.INLINE_FRAGMENT: {
        const condition = selection.typeCondition ? request.schema.getType(selection.typeCondition.name.value) : type;
        if (condition && (isObjectType(condition) || isAbstractType(condition)))
          authorizeSelectionSet(request, condition, selection.selectionSet, path, spreading);
        break;
      }
      case Kind.FRAGMENT_SPREAD: {
        const name = selection.name.value;
        const fragment = request.fragments[name];
        if (fragment === undefined || spreading.has(name)) break;
        const condition = request.schema.getType(fragment.typeCondition.name.value);
        if (condition && (isObjectType(condition) || isAbstractType(condition))) {
          authorizeSelectionSet(request, condition, fragment.selectionSet, path, new Set([...spreading, name]));
        }
        break;
      }
    }
  }
}
