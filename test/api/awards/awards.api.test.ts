import { AwardEventsDocument, GrantAwardDocument, MemberAwardsDocument, RevokeAwardDocument, UnitAwardsDocument } from '../generated/graphql';
import { buildTree, register, type Tree } from '../support/fixtures';
import { expectRefused } from '../support/refusals';
import { startTestServer, type TestServer } from '../support/testServer';

describe('awards over GraphQL: grant, list as of a date, revoke', () => {
  let server: TestServer;
  let tree: Tree;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());
  beforeEach(async () => {
    tree = await buildTree(server);
  });

  const memberAwards = async (id: string, asOf: string, includeRevoked = false) =>
    (await server.ok(MemberAwardsDocument, { id, asOf, includeRevoked })).member!.awards;

  it("grants an outstanding-member award by the member's committee and lists it on the member from the grant date", async () => {
    const id = await register(server, '张三', tree.branchA1, '2016-01-01', tree.groupA1x);
    const granted = await server.ok(GrantAwardDocument, {
      input: { recipientId: id, title: 'OUTSTANDING_MEMBER', grantedById: tree.committeeA, citation: '在防汛抢险中表现突出', effectiveDate: '2025-06-28' },
    });
    expect(granted.grantAward.eventIds).toHaveLength(1);
    expect(granted.grantAward.version).toBe(0);
    const award = granted.grantAward.award!;
    expect(award).toEqual({
      id: expect.any(String),
      title: 'OUTSTANDING_MEMBER',
      otherTitle: null,
      citation: '在防汛抢险中表现突出',
      grantedOn: '2025-06-28',
      revokedOn: null,
      revokeReason: null,
      recipientKind: 'MEMBER',
      recipientId: id,
      grantedBy: { id: tree.committeeA },
      memberRecipient: { id },
      unitRecipient: null,
    });
    expect(await memberAwards(id, '2025-06-27')).toEqual([]);
    expect((await memberAwards(id, '2025-06-28')).map((listed) => listed.id)).toEqual([award.id]);

    // The award's event concerns the member's branch and group, and the granting committee's subtree.
    for (const unitId of [tree.groupA1x, tree.branchA1, tree.committeeA, tree.district]) {
      const { events } = await server.ok(AwardEventsDocument, { filter: { unitId, categories: ['award'] } });
      expect(events.edges.map((edge) => edge.node.stream)).toContain(`award-${award.id}`);
    }
    const { events } = await server.ok(AwardEventsDocument, { filter: { memberId: id, categories: ['award'] } });
    expect(events.edges.map((edge) => edge.node.type)).toEqual(['AwardGranted']);
  });

  it('revokes an award: in force before the revocation, listed only with includeRevoked from it on', async () => {
    const id = await register(server, '李四', tree.branchB1, '2016-01-01');
    const granted = await server.ok(GrantAwardDocument, {
      input: { recipientId: id, title: 'OUTSTANDING_PARTY_WORKER', grantedById: tree.branchB1, effectiveDate: '2025-06-28' },
    });
    const awardId = granted.grantAward.award!.id;
    const revoked = await server.ok(RevokeAwardDocument, { input: { awardId, reason: '受到党纪处分', effectiveDate: '2026-01-10', expectedVersion: 0 } });
    expect(revoked.revokeAward.version).toBe(1);
    expect(revoked.revokeAward.award).toMatchObject({ id: awardId, revokedOn: '2026-01-10', revokeReason: '受到党纪处分' });

    expect(await memberAwards(id, '2026-01-09')).toEqual([expect.objectContaining({ id: awardId, revokedOn: null, revokeReason: null })]);
    expect(await memberAwards(id, '2026-01-10')).toEqual([]);
    expect(await memberAwards(id, '2026-01-10', true)).toEqual([
      expect.objectContaining({ id: awardId, revokedOn: '2026-01-10', revokeReason: '受到党纪处分' }),
    ]);
    // Before the revocation, includeRevoked shows the award as it stood then.
    expect(await memberAwards(id, '2025-12-31', true)).toEqual([expect.objectContaining({ id: awardId, revokedOn: null })]);
  });

  it('lists awards on units: a red-flag group and an OTHER title for a branch', async () => {
    const redFlag = await server.ok(GrantAwardDocument, {
      input: { recipientId: tree.groupA1y, title: 'RED_FLAG_GROUP', grantedById: tree.committeeA, effectiveDate: '2026-04-10' },
    });
    const fiveStar = await server.ok(GrantAwardDocument, {
      input: { recipientId: tree.branchA2, title: 'OTHER', otherTitle: '五星级党支部', grantedById: tree.district, effectiveDate: '2025-12-20' },
    });
    const unitAwards = async (id: string, asOf: string) => (await server.ok(UnitAwardsDocument, { id, asOf })).unit!.awards;
    expect(await unitAwards(tree.groupA1y, '2026-04-10')).toEqual([
      expect.objectContaining({
        id: redFlag.grantAward.award!.id,
        title: 'RED_FLAG_GROUP',
        recipientKind: 'UNIT',
        unitRecipient: { id: tree.groupA1y },
        memberRecipient: null,
      }),
    ]);
    expect(await unitAwards(tree.groupA1y, '2026-04-09')).toEqual([]);
    expect(await unitAwards(tree.branchA2, '2026-01-01')).toEqual([
      expect.objectContaining({ id: fiveStar.grantAward.award!.id, title: 'OTHER', otherTitle: '五星级党支部', grantedBy: { id: tree.district } }),
    ]);
  });

  it('refuses a granting unit that is not above the recipient, and writes nothing', async () => {
    const id = await register(server, '王五', tree.branchA1, '2016-01-01');
    await expectRefused(
      server,
      () =>
        server.request(GrantAwardDocument, {
          input: { recipientId: id, title: 'OUTSTANDING_MEMBER', grantedById: tree.committeeB, effectiveDate: '2025-06-28' },
        }),
      { code: 'RULE_VIOLATION', reason: 'AWARD.GRANTOR_NOT_ABOVE', field: 'input.grantedById', mentions: 'input.grantedById' },
    );
  });

  it('refuses a unit title for a member, and OTHER without its name, and writes nothing', async () => {
    const id = await register(server, '赵六', tree.branchA1, '2016-01-01');
    await expectRefused(
      server,
      () => server.request(GrantAwardDocument, { input: { recipientId: id, title: 'RED_FLAG_GROUP', grantedById: tree.committeeA } }),
      { code: 'RULE_VIOLATION', reason: 'AWARD.TITLE_NOT_FOR_MEMBERS', field: 'input.title', mentions: 'RED_FLAG_GROUP' },
    );
    await expectRefused(server, () => server.request(GrantAwardDocument, { input: { recipientId: id, title: 'OTHER', grantedById: tree.committeeA } }), {
      code: 'BAD_USER_INPUT',
      reason: 'AWARD.OTHER_TITLE_REQUIRED',
      field: 'input.otherTitle',
      mentions: 'input.otherTitle',
    });
  });

  it('refuses a revocation without a reason or before the grant, and an unknown award, and writes nothing', async () => {
    const granted = await server.ok(GrantAwardDocument, {
      input: { recipientId: tree.branchB1, title: 'ADVANCED_GRASSROOTS_ORGANIZATION', grantedById: tree.district, effectiveDate: '2025-06-28' },
    });
    const awardId = granted.grantAward.award!.id;
    await expectRefused(server, () => server.request(RevokeAwardDocument, { input: { awardId, reason: '   ' } }), {
      code: 'BAD_USER_INPUT',
      reason: 'AWARD.REASON_REQUIRED',
      field: 'input.reason',
      mentions: 'input.reason',
    });
    await expectRefused(server, () => server.request(RevokeAwardDocument, { input: { awardId, reason: '材料不实', effectiveDate: '2025-06-01' } }), {
      code: 'RULE_VIOLATION',
      reason: 'DATE.BEFORE_GRANT',
      field: 'input.effectiveDate',
      mentions: '2025-06-28',
    });
    await expectRefused(server, () => server.request(RevokeAwardDocument, { input: { awardId: 'no-such-award', reason: '材料不实' } }), {
      code: 'NOT_FOUND',
      reason: 'AWARD.NOT_FOUND',
      field: 'input.awardId',
      mentions: 'no-such-award',
    });
  });
});
