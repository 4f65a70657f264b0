import type { Client } from 'graphql-ws';
import { buildOrgtrackSchema } from '../../../src/api/schema';
import type { Role } from '../../../src/domain/access/role';
import { buildTree, establish, register, type Tree } from '../support/fixtures';
import { postOperation } from '../support/rawHttp';
import { logState } from '../support/refusals';
import { startTestServer, TODAY, type GraphQLResponse, type TestServer } from '../support/testServer';

type Answer = GraphQLResponse<Record<string, unknown>>;
type Vars = Record<string, unknown>;

/**
 * The authorization matrix: every role, scoped to a committee and to a branch (and ADMIN), asks
 * every root query, nested paths, every mutation and the subscription, about units and members
 * inside and outside its subtree (its own unit, a descendant, a sibling, an ancestor, another
 * district, members who transferred in and out, asked before and after the transfer, an unknown
 * id), over HTTP and WebSocket, many at once on one server. The expectation is written here,
 * apart from the server's rules: what each role may ask, and which units and members the
 * subtree held on each date. An attempt is wrongly allowed when an answer holds anything else.
 */
const TRANSFERRED_ON = '2020-06-01';
const BEFORE = '2019-01-01';
const AFTER = '2021-01-01';
const READERS: readonly Role[] = ['ADMIN', 'ORGANIZER', 'ANALYST', 'VIEWER'];
const EVENT_READERS: readonly Role[] = ['ADMIN', 'ORGANIZER', 'ANALYST', 'INTEGRATOR'];
const WRITERS: readonly Role[] = ['ADMIN', 'ORGANIZER'];
const SCOPED_ROLES: readonly Role[] = ['ORGANIZER', 'ANALYST', 'INTEGRATOR', 'VIEWER'];

interface World {
  tree: Tree;
  otherDistrict: string;
  otherBranch: string;
  /** Member id → their branch before and after TRANSFERRED_ON. */
  placeOf: Map<string, { before: string; after: string }>;
  awardB1: string;
  meetingA1: string;
  meetingB1: string;
  /** Every unit of the organization. */
  units: Set<string>;
  /** Subtree root → every unit below it, itself included. */
  subtree: Map<string, Set<string>>;
  /** Subtree root → the events about it (as the ADMIN sees them). */
  eventsOf: Map<string, Set<string>>;
}

interface Caller {
  role: Role;
  root: string | null;
  key: string;
}

interface Template {
  name: string;
  /** The root field the template exercises (coverage of the schema is checked). */
  field: string;
  query: string;
  variables: (target: string, date: string) => Vars;
  admitted: (caller: Caller, date: string) => boolean;
  /** Whether the date varies the answer (asOf); otherwise asked once, today. */
  dated: boolean;
}

const readers = (caller: Caller, date: string): boolean => READERS.includes(caller.role) && (caller.role !== 'VIEWER' || date === TODAY);
const personal = (caller: Caller, date: string): boolean => readers(caller, date) && caller.role !== 'VIEWER';
const history = (caller: Caller): boolean => ['ADMIN', 'ORGANIZER', 'ANALYST'].includes(caller.role);

const TEMPLATES: readonly Template[] = [
  {
    name: 'unit',
    field: 'unit',
    query: 'query($t: ID!, $d: Date) { unit(id: $t, asOf: $d) { id name } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'unit → parent, ancestors, children, members',
    field: 'unit',
    query:
      'query($t: ID!, $d: Date) { unit(id: $t, asOf: $d) { id parent { id parent { id } } ancestors { id } children { id } members(first: 50) { edges { node { id } } } } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'unit → members of the subtree → their branch → its members',
    field: 'unit',
    query:
      'query($t: ID!, $d: Date) { unit(id: $t, asOf: $d) { memberCount members(includeDescendants: true, first: 50) { totalCount edges { node { id branch { id members(first: 50) { edges { node { id } } } } } } } } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'units under a parent',
    field: 'units',
    query: 'query($t: ID, $d: Date) { units(parentId: $t, asOf: $d, first: 50) { edges { node { id } } } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'members of a unit',
    field: 'members',
    query: 'query($t: ID!, $d: Date) { members(unitId: $t, asOf: $d, includeDescendants: true, first: 50) { edges { node { id } } } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'member',
    field: 'member',
    query: 'query($t: ID!, $d: Date) { member(id: $t, asOf: $d) { id name branch { id } group { id } } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'member → memberships, events',
    field: 'member',
    query: 'query($t: ID!, $d: Date) { member(id: $t, asOf: $d) { id memberships { branchId groupId validFrom validTo } } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'member → dues amounts (personal)',
    field: 'member',
    query: 'query($t: ID!, $d: Date) { member(id: $t, asOf: $d) { id dues(from: "2019-01", to: "2019-02") { due { amount } } } }',
    variables: (t, d) => ({ t, d }),
    admitted: personal,
    dated: true,
  },
  {
    name: 'unit as recorded earlier (knownAt)',
    field: 'unit',
    query: 'query($t: ID!) { unit(id: $t, knownAt: "2026-01-01T00:00:00Z") { id } }',
    variables: (t) => ({ t }),
    admitted: (caller) => history(caller),
    dated: false,
  },
  {
    name: 'events about a unit',
    field: 'events',
    query: 'query($t: ID) { events(filter: { unitId: $t }, first: 500) { edges { node { id } } } }',
    variables: (t) => ({ t }),
    admitted: (c) => EVENT_READERS.includes(c.role),
    dated: false,
  },
  {
    name: 'events about a member',
    field: 'events',
    query: 'query($t: ID) { events(filter: { memberId: $t }, first: 500) { edges { node { id } } } }',
    variables: (t) => ({ t }),
    admitted: (c) => EVENT_READERS.includes(c.role),
    dated: false,
  },
  {
    name: 'dues report',
    field: 'duesReport',
    query: 'query($t: ID!, $d: Date) { duesReport(unitId: $t, from: "2019-01", to: "2019-02", asOf: $d) { unitId } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'attendance flags',
    field: 'attendanceFlags',
    query: 'query($t: ID!, $d: Date) { attendanceFlags(unitId: $t, asOf: $d) { memberId } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'expiring terms',
    field: 'expiringTerms',
    query: 'query($t: ID, $d: Date) { expiringTerms(unitId: $t, within: 30, asOf: $d) { __typename } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'group ranking',
    field: 'groupRanking',
    query: 'query($t: ID!, $d: Date) { groupRanking(unitId: $t, quarter: "2019Q1", asOf: $d) { __typename } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'meeting compliance',
    field: 'meetingCompliance',
    query: 'query($t: ID!) { meetingCompliance(unitId: $t, from: "2019-01", to: "2019-03") { asOf } }',
    variables: (t) => ({ t }),
    admitted: readers,
    dated: false,
  },
  {
    name: 'obligations',
    field: 'obligations',
    query: 'query($t: ID!, $d: Date) { obligations(unitId: $t, within: 30, asOf: $d) { id } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'award',
    field: 'award',
    query: 'query($t: ID!, $d: Date) { award(id: $t, asOf: $d) { id recipientId } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'meeting',
    field: 'meeting',
    query: 'query($t: ID!, $d: Date) { meeting(id: $t, asOf: $d) { id unitId } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'pairing',
    field: 'pairing',
    query: 'query($t: ID!, $d: Date) { pairing(id: $t, asOf: $d) { id } }',
    variables: (t, d) => ({ t, d }),
    admitted: readers,
    dated: true,
  },
  {
    name: 'pairings of the organization',
    field: 'pairings',
    query: 'query($d: Date) { pairings(asOf: $d, first: 5) { totalCount } }',
    variables: (_t, d) => ({ d }),
    admitted: (caller, date) => readers(caller, date) && caller.root === null,
    dated: true,
  },
];

/** Each mutation with every id it takes set to the target (so each end is the target). */
const MUTATIONS: Readonly<Record<string, (t: string, world: World) => Vars>> = {
  acceptTransfer: (t) => ({ transferId: t }),
  rejectTransfer: (t) => ({ transferId: t }),
  requestTransfer: (t, w) => ({ memberId: t, toBranchId: w.tree.branchA2 }),
  advanceMemberStage: (t) => ({ memberId: t }),
  assignGroup: (t) => ({ memberId: t, groupId: t }),
  assignPairing: (t) => ({ memberOrUnitId: t, kind: 'CONTACT_POINT', counterpart: { kind: 'COMMUNITY', name: '东关社区' } }),
  correctMemberDetails: (t) => ({ memberId: t, name: '更正' }),
  dissolveUnit: (t) => ({ unitId: t }),
  endPairing: (t) => ({ pairingId: t }),
  establishUnit: (t) => ({ parentId: t, level: 'GROUP', name: '新组' }),
  grantAward: (t) => ({ recipientId: t, grantedById: t, title: 'OUTSTANDING_MEMBER' }),
  memberLeft: (t) => ({ memberId: t, reason: 'WITHDREW' }),
  moveUnit: (t) => ({ unitId: t, parentId: t }),
  recordAppraisal: (t) => ({ memberId: t, year: 2019, grade: 'EXCELLENT' }),
  recordDuesPayment: (t) => ({ memberId: t, period: '2019-01', amount: '10', extra: false }),
  recordElection: (t) => ({ unitId: t, officers: [{ memberId: t, role: 'SECRETARY' }] }),
  recordGroupScore: (t) => ({
    groupId: t,
    quarter: '2019Q1',
    scores: { contactWithPublic: '1', distinctiveWork: '1', memberDevelopment: '1', memberEducation: '1', memberManagement: '1', servingTheCentre: '1' },
  }),
  recordMeeting: (t) => ({ unitId: t, kind: 'BRANCH_COMMITTEE', attendees: [t], heldOn: '2019-03-01' }),
  registerMember: (t) => ({ branchId: t, name: '新人', status: 'FULL', joinedOn: '2001-07-01' }),
  removeFromOffice: (t) => ({ unitId: t, memberId: t }),
  renameUnit: (t) => ({ unitId: t, name: '改名' }),
  resignOffice: (t) => ({ unitId: t, memberId: t }),
  retractEvent: (t) => ({ eventId: t, reason: '误录' }),
  revokeAward: (t) => ({ awardId: t, reason: '撤销' }),
  setDuesBase: (t) => ({ memberId: t, category: 'EMPLOYED', monthlyIncome: '5000' }),
};

describe('the authorization matrix: every role × root field, nested path, mutation and subscription × targets inside and outside its subtree', () => {
  let server: TestServer;
  let world: World;
  let callers: Caller[];
  let targets: string[];
  const clients = new Map<string, Client>();
  const tally = { attempts: 0, wronglyAllowed: [] as string[], wronglyDenied: 0 };

  const http = async (caller: Caller, query: string, variables: Vars): Promise<Answer> =>
    (await postOperation({ url: server.url, adminKey: caller.key }, query, variables)).json ?? {};
  const ws = (caller: Caller, query: string, variables: Vars): Promise<Answer> => {
    let client = clients.get(caller.key);
    if (client === undefined) {
      client = server.wsClient(caller.key);
      clients.set(caller.key, client);
    }
    const open = client;
    return new Promise((resolve) => {
      let answer: Answer = {};
      open.subscribe(
        { query, variables },
        {
          next: (result) => {
            answer = result as Answer;
          },
          error: (error) => resolve({ errors: Array.isArray(error) ? error : [{ message: String(error) }] }),
          complete: () => resolve(answer),
        },
      );
    });
  };

  beforeAll(async () => {
    server = await startTestServer();
    const tree = await buildTree(server);
    const otherDistrict = await establish(server, 'DISTRICT', '七里河区', null, '2015-01-01');
    const otherCommittee = await establish(server, 'COMMITTEE', '七里河机关党委', otherDistrict, '2015-01-10');
    const otherBranch = await establish(server, 'BRANCH', '七里河第一支部', otherCommittee, '2015-02-01');
    const placeOf = new Map<string, { before: string; after: string }>();
    const member = async (name: string, before: string, after: string): Promise<string> => {
      const id = await register(server, name, before, '2016-01-01');
      placeOf.set(id, { before, after });
      return id;
    };
    const stayA1 = await member('王留', tree.branchA1, tree.branchA1);
    const stayB1 = await member('赵外', tree.branchB1, tree.branchB1);
    const movedIn = await member('李入', tree.branchB1, tree.branchA1);
    const movedOut = await member('张出', tree.branchA1, tree.branchB1);
    const far = await member('陈远', otherBranch, otherBranch);
    for (const [memberId, toBranchId] of [
      [movedIn, tree.branchA1],
      [movedOut, tree.branchB1],
    ]) {
      const requested = await server.raw('mutation($input: RequestTransferInput!) { requestTransfer(input: $input) { transfer { id } } }', {
        input: { memberId, toBranchId, effectiveDate: '2020-05-20' },
      });
      const transferId = (requested.data as { requestTransfer: { transfer: { id: string } } }).requestTransfer.transfer.id;
      const accepted = await server.raw('mutation($input: AcceptTransferInput!) { acceptTransfer(input: $input) { position } }', {
        input: { transferId, effectiveDate: TRANSFERRED_ON },
      });
      expect(accepted.errors).toBeUndefined();
    }
    const award = await server.raw('mutation($input: GrantAwardInput!) { grantAward(input: $input) { award { id } } }', {
      input: { recipientId: stayB1, grantedById: tree.branchB1, title: 'OUTSTANDING_MEMBER', effectiveDate: '2019-06-01' },
    });
    const meeting = async (unitId: string, attendee: string): Promise<string> => {
      const recorded = await server.raw('mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { meeting { id } } }', {
        input: { unitId, kind: 'BRANCH_COMMITTEE', heldOn: '2019-03-01', attendees: [attendee] },
      });
      expect(recorded.errors).toBeUndefined();
      return (recorded.data as { recordMeeting: { meeting: { id: string } } }).recordMeeting.meeting.id;
    };
    const subtree = new Map<string, Set<string>>([
      [tree.committeeA, new Set([tree.committeeA, tree.branchA1, tree.branchA2, tree.groupA1x, tree.groupA1y, tree.groupA2x])],
      [tree.branchA1, new Set([tree.branchA1, tree.groupA1x, tree.groupA1y])],
    ]);
    world = {
      tree,
      otherDistrict,
      otherBranch,
      placeOf,
      awardB1: (award.data as { grantAward: { award: { id: string } } }).grantAward.award.id,
      meetingA1: await meeting(tree.branchA1, stayA1),
      meetingB1: await meeting(tree.branchB1, stayB1),
      subtree,
      units: new Set([...Object.values(tree), otherDistrict, otherCommittee, otherBranch]),
      eventsOf: new Map(),
    };
    for (const root of subtree.keys()) {
      const answer = await server.raw('query($t: ID) { events(filter: { unitId: $t }, first: 500) { edges { node { id } } } }', { t: root });
      world.eventsOf.set(root, new Set(idsIn(answer.data, 'id')));
    }
    callers = [{ role: 'ADMIN', root: null, key: server.adminKey }];
    for (const root of [tree.committeeA, tree.branchA1]) {
      for (const role of SCOPED_ROLES) callers.push({ role, root, key: await server.issueKey(role, root) });
    }
    targets = [
      tree.committeeA, // own unit of the committee callers
      tree.branchA1, // own unit of the branch callers, a descendant of the committee
      tree.groupA1x, // a descendant
      tree.branchA2, // a sibling of branch A1
      tree.committeeB, // a sibling of committee A
      tree.district, // an ancestor
      otherDistrict, // another district
      otherBranch,
      stayA1,
      stayB1,
      movedIn,
      movedOut,
      far,
      world.awardB1,
      world.meetingA1,
      world.meetingB1,
      'no-such-id',
    ];
  }, 60_000);

  afterAll(async () => {
    process.stdout.write(
      `authorization matrix: ${tally.attempts} attempts, ${tally.wronglyAllowed.length} wrongly allowed, ${tally.wronglyDenied} denied where the model allows (domain refusals included)\n`,
    );
    await server.close();
  });

  /** Units and members the caller's subtree held on `date`; null: everything (ADMIN). */
  const unitVisible = (caller: Caller, unitId: string): boolean => caller.root === null || (world.subtree.get(caller.root)?.has(unitId) ?? false);
  const memberVisible = (caller: Caller, memberId: string, date: string): boolean => {
    if (caller.root === null) return true;
    const place = world.placeOf.get(memberId);
    return place !== undefined && unitVisible(caller, date < TRANSFERRED_ON ? place.before : place.after);
  };

  /** What an answer gives away that the caller may not see. */
  function leaks(caller: Caller, template: Template, date: string, answer: Answer): string[] {
    const data = answer.data?.[template.field];
    if (!template.admitted(caller, date)) return data === null || data === undefined ? [] : ['answered a field its role may not ask'];
    if (caller.root === null || data === null || data === undefined) return [];
    const found: string[] = [];
    if (template.field === 'events') {
      for (const id of idsIn(data, 'id')) if (!world.eventsOf.get(caller.root)?.has(id)) found.push(`event ${id}`);
      return found;
    }
    for (const id of idsIn(data, 'id', 'branchId', 'groupId', 'unitId', 'memberId', 'recipientId')) {
      if (world.placeOf.has(id)) {
        if (!memberVisible(caller, id, date) && !(template.name.startsWith('member → memberships') && id === answerRootId(data))) found.push(`member ${id}`);
      } else if (id === world.awardB1 || id === world.meetingB1) found.push(`record ${id}`);
      else if (id === world.meetingA1 || id.startsWith('no-such')) continue;
      else if (!unitVisible(caller, id) && isUnit(id)) found.push(`unit ${id}`);
    }
    return found;
  }
  const isUnit = (id: string): boolean => world.units.has(id);

  it('covers every root query, mutation and subscription of the schema', async () => {
    const schema = await buildOrgtrackSchema();
    const queries = Object.keys(schema.getQueryType()?.getFields() ?? {});
    expect(queries.filter((field) => !TEMPLATES.some((template) => template.field === field))).toEqual([]);
    expect(Object.keys(schema.getMutationType()?.getFields() ?? {}).filter((field) => MUTATIONS[field] === undefined)).toEqual([]);
    expect(Object.keys(schema.getSubscriptionType()?.getFields() ?? {})).toEqual(['orgEvents']);
  });

  it('no query answers anything outside the caller’s role or subtree, over HTTP and WebSocket, many callers interleaved', async () => {
    const attempts: (() => Promise<void>)[] = [];
    for (const caller of callers) {
      for (const template of TEMPLATES) {
        for (const target of targets) {
          for (const date of template.dated ? [BEFORE, AFTER, TODAY] : [TODAY]) {
            for (const transport of date === TODAY || template.dated ? [http, ws] : [http]) {
              attempts.push(async () => {
                const answer = await transport(caller, template.query, template.variables(target, date));
                tally.attempts++;
                const found = leaks(caller, template, date, answer);
                if (found.length > 0)
                  tally.wronglyAllowed.push(`${caller.role}@${caller.root ?? 'all'} ${template.name} ${target} ${date}: ${found.join(', ')}`);
              });
            }
          }
        }
      }
    }
    const wrongBefore = tally.wronglyAllowed.length;
    await inBatches(shuffled(attempts), 24);
    expect(tally.wronglyAllowed.slice(wrongBefore)).toEqual([]);
  }, 240_000);

  it('no mutation outside the caller’s role or subtree is decided: FORBIDDEN, and the log is unchanged', async () => {
    const before = await logState(server);
    const attempts: (() => Promise<void>)[] = [];
    for (const caller of callers.filter((c) => c.role !== 'ADMIN')) {
      for (const [mutation, input] of Object.entries(MUTATIONS)) {
        for (const target of targets) {
          const mayWrite = WRITERS.includes(caller.role);
          // A writer's mutation on a target inside its subtree may go through; it is run after this phase.
          if (mayWrite && inScopeToday(caller, target)) continue;
          for (const transport of [http, ws]) {
            attempts.push(async () => {
              const answer = await transport(caller, `mutation($input: ${inputTypeOf(mutation)}!) { ${mutation}(input: $input) { position } }`, {
                input: input(target, world),
              });
              tally.attempts++;
              const code = answer.errors?.[0]?.extensions?.code;
              if (code !== 'FORBIDDEN' || answer.data?.[mutation])
                tally.wronglyAllowed.push(`${caller.role}@${caller.root} ${mutation} ${target}: ${String(code)} ${answer.errors?.[0]?.message ?? ''}`);
            });
          }
        }
      }
    }
    const wrongBefore = tally.wronglyAllowed.length;
    await inBatches(shuffled(attempts), 24);
    expect(tally.wronglyAllowed.slice(wrongBefore)).toEqual([]);
    expect(await logState(server)).toEqual(before);
  }, 240_000);

  it('subscriptions carry only the caller’s subtree, and only to roles that subscribe', async () => {
    const wrongBefore = tally.wronglyAllowed.length;
    const first = await server.raw('{ events(first: 1) { edges { node { position } } } }');
    const after = idsIn(first.data, 'position')[0];
    await Promise.all(
      callers.map(async (caller) => {
        const received = await subscribeFor(server, caller.key, after, 400);
        tally.attempts++;
        const subscribes = caller.role === 'ADMIN' || caller.role === 'INTEGRATOR';
        if (!subscribes && (received.events.length > 0 || received.code !== 'FORBIDDEN'))
          tally.wronglyAllowed.push(`${caller.role} subscribed (${String(received.code)})`);
        if (subscribes && caller.root !== null) {
          for (const id of received.events)
            if (!world.eventsOf.get(caller.root)?.has(id)) tally.wronglyAllowed.push(`${caller.role}@${caller.root} received event ${id}`);
          if (received.events.length === 0) tally.wronglyDenied++;
        }
      }),
    );
    expect(tally.wronglyAllowed.slice(wrongBefore)).toEqual([]);
  });

  function inScopeToday(caller: Caller, target: string): boolean {
    if (caller.root === null) return true;
    if (world.placeOf.has(target)) return memberVisible(caller, target, TODAY);
    if (target === world.meetingA1) return true;
    return unitVisible(caller, target);
  }
});

function inputTypeOf(mutation: string): string {
  const special: Record<string, string> = { removeFromOffice: 'LeaveOfficeInput', resignOffice: 'LeaveOfficeInput' };
  return special[mutation] ?? `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
}

/** Every string value under the given keys, anywhere in an answer. */
function idsIn(value: unknown, ...keys: string[]): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => idsIn(item, ...keys));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => (keys.includes(key) && typeof inner === 'string' ? [inner] : idsIn(inner, ...keys)));
}

function answerRootId(data: unknown): string | undefined {
  return typeof data === 'object' && data !== null && 'id' in data && typeof data.id === 'string' ? data.id : undefined;
}

async function inBatches(work: readonly (() => Promise<void>)[], size: number): Promise<void> {
  for (let at = 0; at < work.length; at += size) await Promise.all(work.slice(at, at + size).map((attempt) => attempt()));
}

/** The same attempts in a fixed pseudo-random order, so callers with different scopes interleave. */
function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  let seed = 42;
  for (let at = copy.length - 1; at > 0; at--) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const other = seed % (at + 1);
    [copy[at], copy[other]] = [copy[other], copy[at]];
  }
  return copy;
}

/** The event ids a subscription from `after` delivers within `ms`, or the code it was refused with. */
function subscribeFor(server: TestServer, key: string, after: string, ms: number): Promise<{ events: string[]; code: unknown }> {
  const client = server.wsClient(key);
  return new Promise((resolve) => {
    const events: string[] = [];
    let code: unknown;
    const stop = client.subscribe<{ orgEvents: { id: string } }>(
      { query: 'subscription($after: String) { orgEvents(after: $after) { id } }', variables: { after } },
      {
        next: (result) => {
          if (result.data) events.push(result.data.orgEvents.id);
          if (result.errors) code = result.errors[0]?.extensions?.code;
        },
        error: (error) => {
          code = Array.isArray(error) ? (error[0] as { extensions?: { code?: unknown } }).extensions?.code : String(error);
        },
        complete: () => undefined,
      },
    );
    setTimeout(() => {
      stop();
      resolve({ events, code });
    }, ms);
  });
}
