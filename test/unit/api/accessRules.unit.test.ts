import 'reflect-metadata';
import { isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { accessRuleBook, mutationScopeRules } from '../../../src/api/features';
import { buildOrgtrackSchema } from '../../../src/api/schema';

/** Deny by default: a field, query or mutation no rule names is refused, and this test names it. */
describe('access rules cover the schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildOrgtrackSchema();
  });

  it('every field of every object and interface type has exactly one rule, and no rule names a field that is gone', () => {
    const fields = Object.values(schema.getTypeMap())
      .filter((type) => !type.name.startsWith('__') && (isObjectType(type) || isInterfaceType(type)))
      .flatMap((type) => ('getFields' in type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : []));
    const ruled = new Set(accessRuleBook().names());
    expect(fields.filter((field) => !ruled.has(field))).toEqual([]);
    expect([...ruled].filter((name) => !fields.includes(name))).toEqual([]);
  });

  it('mutations are for ADMIN and ORGANIZER only, and every mutation says what it acts on', () => {
    const book = accessRuleBook();
    const mutations = Object.keys(schema.getMutationType()?.getFields() ?? {});
    for (const mutation of mutations) expect([mutation, book.rolesFor('Mutation', mutation)]).toEqual([mutation, ['ADMIN', 'ORGANIZER']]);
    expect(mutations.filter((mutation) => mutationScopeRules()[mutation] === undefined)).toEqual([]);
  });

  it('personal fields are not for VIEWER: money and appraisal grades', () => {
    const book = accessRuleBook();
    for (const [type, field] of [
      ['Money', 'amount'],
      ['Appraisal', 'grade'],
    ] as const)
      expect(book.rolesFor(type, field)).not.toContain('VIEWER');
    expect(book.rolesFor('Event', 'actor')).toEqual(['ADMIN', 'ANALYST']);
  });
});
