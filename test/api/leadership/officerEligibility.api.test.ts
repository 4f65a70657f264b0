import { AcceptTransferDocument, OfficerEligibilityDocument, RecordElectionDocument, RequestTransferDocument } from '../generated/graphql';
import { buildTree, register } from '../support/fixtures';
import { SteppingClock } from '../support/steppingClock';
import { startTestServer, TODAY, type TestServer } from '../support/testServer';

describe('officer eligibility follows late entries (derived fact)', () => {
  const clock = new SteppingClock(`${TODAY}T01:00:00.000Z`);
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ clock });
  });
  afterAll(() => server.close());

  it('an officer moved out of the branch before the election by a transfer recorded later is no longer eligible; as recorded before, they were', async () => {
    const tree = await buildTree(server);
    const li = await register(server, '李华', tree.branchA1, '2024-01-10');
    clock.set(`${TODAY}T02:00:00.000Z`);
    await server.ok(RecordElectionDocument, { input: { unitId: tree.branchA1, heldOn: '2026-03-01', officers: [{ memberId: li, role: 'SECRETARY' }] } });
    const electedAt = `${TODAY}T02:30:00.000Z`;
    const officers = async (knownAt?: string) =>
      (await server.ok(OfficerEligibilityDocument, { id: tree.branchA1, asOf: '2026-04-01', knownAt })).unit!.officers.map((term) => [
        term.member?.id,
        term.eligible,
      ]);
    expect(await officers()).toEqual([[li, true]]);

    // Recorded now: Li had moved to branch A2 in February, before the election.
    clock.set(`${TODAY}T03:00:00.000Z`);
    const transfer = await server.ok(RequestTransferDocument, { input: { memberId: li, toBranchId: tree.branchA2, effectiveDate: '2026-02-01' } });
    await server.ok(AcceptTransferDocument, { input: { transferId: transfer.requestTransfer.transfer!.id, effectiveDate: '2026-02-05' } });

    expect(await officers()).toEqual([[li, false]]);
    expect(await officers(electedAt)).toEqual([[li, true]]);
  });
});
