import { loadConfig } from '../../../src/app/config';
import { firstError, startTestServer, type TestServer } from '../support/testServer';

describe('query cost limit', () => {
  let server: TestServer;
  beforeAll(async () => (server = await startTestServer()));
  afterAll(() => server.close());

  it('refuses, before running it, a query whose nested pages could return too much', async () => {
    const result = await server.raw(`{ units(first: 500) { edges { node { members(first: 500) { edges { node { name } } } } } } }`);
    expect(firstError(result).code).toBe('BAD_USER_INPUT');
    expect(firstError(result).message).toMatch(/too expensive: estimated cost \d+, at most 25000/);
    expect(result.errors![0].extensions).toMatchObject({ reason: 'QUERY.TOO_COSTLY', maximum: loadConfig({}).limits.maxCost });
    expect(result.data).toBeUndefined();
  });

  it('lets an ordinary frontend query run: a page of 500 members with their branch and group', async () => {
    const result = await server.raw(
      `query($id: ID!) { members(unitId: $id, first: 500) { totalCount edges { node { name status branch { name parent { name } } group { name } } } } }`,
      { id: 'no-such-unit' },
    );
    // It ran: the unknown unit is reported, not the cost.
    expect(firstError(result).code).toBe('NOT_FOUND');
  });
});
