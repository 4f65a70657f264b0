/** What an attack document is aimed at: ids that exist, so that nothing is refused for want of them. */
export interface AttackTargets {
  /** A unit with a large subtree (the district). */
  unitId: string;
  memberId: string;
}

/** A document sent to refuse, over HTTP and WebSocket alike, and what its refusal must carry. */
export interface AttackDocument {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  code: string;
  /** `extensions.reason`, for the request limits. */
  reason?: string;
}

const repeat = (count: number, text: (at: number) => string): string => Array.from({ length: count }, (_, at) => text(at)).join(' ');

/** Nested `parent` fields: one level each. */
function parentChain(levels: number): string {
  return `query($id: ID!) { unit(id: $id) { ${'parent { '.repeat(levels - 2)}id${' }'.repeat(levels - 2)} } }`;
}

/** member → branch → members → edges → node → branch …: four levels a turn. */
function memberBranchCycle(levels: number): string {
  const turns = Math.ceil((levels - 2) / 4);
  return `query($id: ID!) { member(id: $id) { ${'branch { members(first: 1) { edges { node { '.repeat(turns)}id${' } } } }'.repeat(turns)} } }`;
}

/** Each fragment spreads the next `width` times: width^levels selections from a short document. */
function fragmentExplosion(levels: number, width: number): string {
  const fragments = Array.from({ length: levels }, (_, at) => `fragment F${at} on Query { ${repeat(width, () => `...F${at + 1}`)} }`);
  return `query { ...F0 } ${fragments.join(' ')} fragment F${levels} on Query { __typename }`;
}

/**
 * The documents of the attack probe, each refused before any resolver runs. The large ones stop
 * at the first limit they meet (the token count, when parsing); the smaller variants show that
 * each later limit holds on its own.
 */
export function attackDocuments({ unitId, memberId }: AttackTargets): AttackDocument[] {
  const id = { id: unitId };
  const subtreeCount = (at: number): string => `a${at}: members(unitId: $id, includeDescendants: true, first: 1) { totalCount }`;
  const longDuesReport = (at: number): string =>
    `a${at}: duesReport(unitId: $id, from: "2017-01", to: "2026-12") { months { period membersDue } totals { membersDue } }`;
  const moment = (at: number): string => `m${at}: member(id: $member, knownAt: "2020-01-01T${String(at).padStart(2, '0')}:00:00Z") { id }`;
  return [
    { name: 'depth 50 through unit.parent', query: parentChain(50), variables: id, code: 'BAD_USER_INPUT', reason: 'QUERY.TOO_DEEP' },
    {
      name: 'depth 50 through member.branch.members',
      query: memberBranchCycle(50),
      variables: { id: memberId },
      code: 'BAD_USER_INPUT',
      reason: 'QUERY.TOO_DEEP',
    },
    {
      name: '1,000 aliases of a subtree count',
      query: `query($id: ID!) { ${repeat(1000, subtreeCount)} }`,
      variables: id,
      code: 'BAD_USER_INPUT',
      reason: 'QUERY.TOO_MANY_TOKENS',
    },
    {
      name: '60 aliases',
      query: `query($id: ID!) { ${repeat(60, (at) => `a${at}: unit(id: $id) { id }`)} }`,
      variables: id,
      code: 'BAD_USER_INPUT',
      reason: 'QUERY.TOO_MANY_ALIASES',
    },
    {
      name: '11 aliases of a subtree count',
      query: `query($id: ID!) { ${repeat(11, subtreeCount)} }`,
      variables: id,
      code: 'BAD_USER_INPUT',
      reason: 'QUERY.TOO_COSTLY',
    },
    {
      name: '200 aliases of a 120-month duesReport',
      query: `query($id: ID!) { ${repeat(200, longDuesReport)} }`,
      variables: id,
      code: 'BAD_USER_INPUT',
      reason: 'QUERY.TOO_MANY_TOKENS',
    },
    {
      name: '4 aliases of a 120-month duesReport',
      query: `query($id: ID!) { ${repeat(4, longDuesReport)} }`,
      variables: id,
      code: 'BAD_USER_INPUT',
      reason: 'QUERY.TOO_COSTLY',
    },
    {
      name: '20 knownAt moments',
      query: `query($member: ID!) { ${repeat(20, moment)} }`,
      variables: { member: memberId },
      code: 'BAD_USER_INPUT',
      reason: 'KNOWN_AT.TOO_MANY',
    },
    {
      name: '2,000 repeated fields',
      query: `query($id: ID!) { unit(id: $id) { ${'name '.repeat(2000)}} }`,
      variables: id,
      code: 'BAD_USER_INPUT',
      reason: 'QUERY.TOO_MANY_TOKENS',
    },
    {
      name: 'fragment cycle',
      query: `query($id: ID!) { unit(id: $id) { ...A } } fragment A on Unit { parent { ...B } } fragment B on Unit { parent { ...A } }`,
      variables: id,
      code: 'GRAPHQL_VALIDATION_FAILED',
    },
    { name: 'fragment explosion (20^4 selections)', query: fragmentExplosion(4, 20), code: 'BAD_USER_INPUT', reason: 'QUERY.TOO_MANY_NODES' },
    { name: '500 directives', query: `query { __typename ${'@include(if: true) '.repeat(500)}}`, code: 'BAD_USER_INPUT', reason: 'QUERY.TOO_MANY_TOKENS' },
    {
      name: '60 directives',
      query: `query { ${repeat(60, () => '... on Query @include(if: true) { __typename }')} }`,
      code: 'BAD_USER_INPUT',
      reason: 'QUERY.TOO_MANY_DIRECTIVES',
    },
  ];
}
