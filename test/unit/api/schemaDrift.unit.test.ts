import fs from 'node:fs';
import path from 'node:path';
import { printOrgtrackSchema, SCHEMA_FILE } from '../../../src/cli/emitSchema';

describe('schema/schema.graphql', () => {
  it('is exactly the schema the code emits (run `npm run schema:emit` and commit it when this fails)', async () => {
    const checkedIn = fs.readFileSync(path.join(__dirname, '../../..', SCHEMA_FILE), 'utf8');
    expect(await printOrgtrackSchema()).toBe(checkedIn);
  });

  it('keeps the names of API.md that clients rely on', async () => {
    const schema = await printOrgtrackSchema();
    for (const name of [
      'unit(',
      'units(',
      'member(',
      'members(',
      'events(',
      'orgEvents(',
      'enum UnitLevel',
      'enum MemberStatus',
      'totalCount: Int!',
      'hasNextPage: Boolean!',
      'endCursor: String',
      'memberCount(',
      'history: [UnitVersion!]!',
      'memberships: [Membership!]!',
      'establishUnit(',
      'renameUnit(',
      'moveUnit(',
      'dissolveUnit(',
      'registerMember(',
      'advanceMemberStage(',
      'memberLeft(',
      'requestTransfer(',
      'acceptTransfer(',
      'rejectTransfer(',
      'assignGroup(',
      'scalar Date',
      'scalar DateTime',
      'scalar JSON',
    ]) {
      expect(schema).toContain(name);
    }
  });
});
