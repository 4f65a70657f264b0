import { CorrectMemberDetailsDocument, EventsDocument, MemberDetailsDocument, MemberLeftDocument, RetractEventDocument } from '../generated/graphql';
import { buildTree, register } from '../support/fixtures';
import { expectRefused } from '../support/refusals';
import { SteppingClock } from '../support/steppingClock';
import { startTestServer, type TestServer } from '../support/testServer';

/** Recorded times: 李华 is registered in January, her name corrected in April. */
const REGISTERED = '2026-01-05T02:00:00.000Z';
const BEFORE_CORRECTION = '2026-02-01T00:00:00.000Z';
const CORRECTED = '2026-04-05T02:00:00.000Z';

describe('correcting a member’s details over GraphQL', () => {
  let clock: SteppingClock;
  let server: TestServer;
  let li: string;

  beforeAll(async () => {
    clock = new SteppingClock(REGISTERED);
    server = await startTestServer({ clock });
    const tree = await buildTree(server);
    li = await register(server, '李华', tree.branchA1, '2025-06-01');
    clock.set(CORRECTED);
  });
  afterAll(() => server.close());

  it('refuses a correction that changes nothing, naming the field, and writes nothing', async () => {
    const refusal = { code: 'RULE_VIOLATION', reason: 'MEMBER.NOTHING_TO_CORRECT', mentions: '李华', field: 'input.name' };
    await expectRefused(server, () => server.request(CorrectMemberDetailsDocument, { input: { memberId: li, name: ' 李华 ' } }), refusal);
  });

  it('a corrected name holds for every date; as known before the correction the records say the old one', async () => {
    const corrected = await server.ok(CorrectMemberDetailsDocument, { input: { memberId: li, name: '李桦', joinedOn: '2001-06-01', reason: 'Mistyped' } });
    expect(corrected.correctMemberDetails.member).toEqual({ id: li, name: '李桦', joinedOn: '2001-06-01' });

    expect((await server.ok(MemberDetailsDocument, { id: li, asOf: '2025-06-01' })).member).toEqual({ id: li, name: '李桦', joinedOn: '2001-06-01' });
    const knownBefore = await server.ok(MemberDetailsDocument, { id: li, asOf: '2025-06-01', knownAt: BEFORE_CORRECTION });
    expect(knownBefore.member).toEqual({ id: li, name: '李华', joinedOn: '2001-07-01' });
    const events = await server.ok(EventsDocument, { filter: { memberId: li, types: ['MemberDetailsCorrected'] } });
    expect(events.events.edges.map((edge) => edge.node.data)).toEqual([
      { memberId: li, name: '李桦', previousName: '李华', joinedOn: '2001-06-01', previousJoinedOn: '2001-07-01', reason: 'Mistyped' },
    ]);
  });

  it('is dated at the member’s last change, so later backdated facts are still accepted; an earlier fact it carries cannot be retracted under it', async () => {
    const events = await server.ok(EventsDocument, { filter: { memberId: li, types: ['MemberRegistered', 'MemberDetailsCorrected'] } });
    const [registration, correction] = events.events.edges.map((edge) => edge.node);
    expect(correction).toMatchObject({ type: 'MemberDetailsCorrected', effectiveDate: registration.effectiveDate });
    const second = await server.ok(CorrectMemberDetailsDocument, { input: { memberId: li, name: '李桦华' } });
    await expectRefused(server, () => server.request(RetractEventDocument, { input: { eventId: correction.id, reason: 'Wrong' } }), {
      code: 'RULE_VIOLATION',
      mentions: second.correctMemberDetails.eventIds[0],
    });
    const left = await server.ok(MemberLeftDocument, { input: { memberId: li, reason: 'WITHDREW', effectiveDate: '2025-12-01' } });
    expect(left.memberLeft.member).toMatchObject({ id: li, status: 'LEFT' });
  });
});
