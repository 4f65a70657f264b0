import 'reflect-metadata';
import { isObjectType, parse, type GraphQLSchema } from 'graphql';
import { buildOrgtrackSchema } from '../../../src/api/schema';
import { FIELD_COSTS, KNOWN_AT_MOMENT, monthsIn } from '../../../src/api/shared/limits/fieldCosts';
import { operationCost } from '../../../src/api/shared/limits/queryCost';

describe('query cost', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => (schema = await buildOrgtrackSchema()));
  const cost = (query: string, variables?: Record<string, unknown>) => operationCost({ schema, document: parse(query), variables });

  it('every entry of the cost table names a field of the schema (a renamed field fails here)', () => {
    const unknown = Object.keys(FIELD_COSTS).filter((key) => {
      const [typeName, fieldName] = key.split('.');
      const type = schema.getType(typeName);
      return !isObjectType(type) || (fieldName !== '*' && !(fieldName in type.getFields()));
    });
    expect(unknown).toEqual([]);
  });

  it('prices a subtree scan by its work, not by the one row it returns', () => {
    const branch = cost('{ members(unitId: "u", first: 1) { totalCount } }');
    const subtree = cost('{ members(unitId: "u", includeDescendants: true, first: 1) { totalCount } }');
    expect(branch).toEqual({ kind: 'estimated', cost: 1 + 20 + 1, moments: 0 });
    expect(subtree).toEqual({ kind: 'estimated', cost: 1 + 2500 + 1, moments: 0 });
  });

  it('prices month ranges by their months, a range it cannot read as the longest allowed', () => {
    expect(monthsIn('2026-01', '2026-12')).toBe(12);
    expect(monthsIn(' 2017-01', '2026-12 ')).toBe(120);
    expect(monthsIn('2026-12', '2026-01')).toBe(120);
    expect(monthsIn(undefined, '2026-01')).toBe(120);
    const report = (from: string, to: string) => cost(`{ duesReport(unitId: "u", from: "${from}", to: "${to}") { totals { membersDue } } }`);
    const year = report('2026-01', '2026-12');
    const decade = report('2017-01', '2026-12');
    expect(year.kind === 'estimated' && decade.kind === 'estimated' && decade.cost - year.cost).toBe(108 * 60);
  });

  it('counts each distinct knownAt once, however many fields ask for it, inline or as a variable', () => {
    const result = cost(
      'query($k: DateTime) { a: unit(id: "u", knownAt: $k) { id } b: unit(id: "v", knownAt: $k) { id } c: member(id: "m", knownAt: "2020-01-01T00:00:00Z") { id } d: unit(id: "u") { id } }',
      { k: '2021-01-01T00:00:00Z' },
    );
    expect(result).toEqual({ kind: 'estimated', cost: 8 + 2 * KNOWN_AT_MOMENT, moments: 2 });
    expect(cost('{ a: unit(id: "u", knownAt: "2020-01-01T00:00:00Z") @skip(if: true) { id } }')).toEqual({ kind: 'estimated', cost: 0, moments: 0 });
  });

  it('multiplies a connection by its page and a list by an assumed length', () => {
    expect(cost('{ units(first: 100) { edges { node { name } } } }')).toEqual({ kind: 'estimated', cost: 1 + 400 + 100 * (1 + 1 + 1), moments: 0 });
    expect(cost('{ unit(id: "u") { children { name } } }')).toEqual({ kind: 'estimated', cost: 1 + 1 + 10 * 1, moments: 0 });
  });

  it('stops counting at the node limit: fragments that spread each other many times', () => {
    const fragments = [0, 1, 2, 3].map((at) => `fragment F${at} on Query { ${Array.from({ length: 20 }, () => `...F${at + 1}`).join(' ')} }`).join(' ');
    expect(cost(`{ ...F0 } ${fragments} fragment F4 on Query { __typename }`)).toEqual({ kind: 'too many nodes' });
  });

  it('leaves variables that do not fit to execution, which refuses them naming the variable', () => {
    expect(cost('query($n: Int) { units(first: $n) { totalCount } }', { n: 'many' })).toEqual({ kind: 'invalid variables' });
  });
});
