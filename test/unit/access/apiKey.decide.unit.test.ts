import type { IssueApiKey, RevokeApiKey } from '../../../src/domain/access/apiKey.commands';
import { apiKeyDecider } from '../../../src/domain/access/apiKey.decide';
import type { ApiKeyEvent } from '../../../src/domain/access/apiKey.events';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../../../src/domain/shared/errors';
import { branchB1, TODAY } from '../../support/deciderFixtures';
import { on, spec } from '../../support/deciderSpecification';

const NOW = `${TODAY}T08:00:00.000Z`;
const issue = (overrides: Partial<IssueApiKey> = {}): IssueApiKey => ({
  type: 'IssueApiKey',
  keyId: 'k1',
  name: 'Branch-Secretary',
  role: 'ORGANIZER',
  unitId: 'b1',
  unit: branchB1,
  expiresAt: null,
  now: NOW,
  secretHash: 'scrypt$16384$8$1$salt$hash',
  effectiveDate: TODAY,
  today: TODAY,
  ...overrides,
});
const revoke = (overrides: Partial<RevokeApiKey> = {}): RevokeApiKey => ({
  type: 'RevokeApiKey',
  name: 'branch-secretary',
  now: NOW,
  effectiveDate: TODAY,
  today: TODAY,
  ...overrides,
});

const issuedEvent: ApiKeyEvent = {
  type: 'ApiKeyIssued',
  data: { keyId: 'k1', name: 'branch-secretary', role: 'ORGANIZER', unitId: 'b1', expiresAt: null, secretHash: 'scrypt$16384$8$1$salt$hash' },
};
const issued = on(TODAY, issuedEvent);
const revokedEvent: ApiKeyEvent = { type: 'ApiKeyRevoked', data: { keyId: 'k1', name: 'branch-secretary' } };
const revoked = on(TODAY, revokedEvent);

const given = spec(apiKeyDecider).given;

describe('issuing an API key', () => {
  it('an organizer key for a branch is issued under its name, in lower case', () => {
    given([]).when(issue()).then([issuedEvent]);
  });

  it('names that look the same are the same name: full-width letters and case fold together', () => {
    given([])
      .when(issue({ name: 'ＢＲＡＮＣＨ-secretary' }))
      .then([issuedEvent]);
    given([issued])
      .when(issue({ keyId: 'k2', name: 'BRANCH-SECRETARY' }))
      .thenThrows(Conflict, 'TOKEN.NAME_IN_USE');
  });

  it('a name with spaces, invisible characters or other symbols is refused', () => {
    for (const name of ['branch secretary', 'branch\u200bsecretary', '', 'a/b', '-lead'])
      given([]).when(issue({ name })).thenThrows(InvalidInput, 'TOKEN.BAD_NAME');
  });

  it('after a revocation the name may be issued again, to a new key', () => {
    given([issued, revoked])
      .when(issue({ keyId: 'k2' }))
      .then([{ ...issuedEvent, data: { ...issuedEvent.data, keyId: 'k2' } }]);
  });

  it('after its key expired the name may be issued again', () => {
    const expiring = on(TODAY, { ...issuedEvent, data: { ...issuedEvent.data, expiresAt: `${TODAY}T07:00:00.000Z` } });
    given([expiring])
      .when(issue({ keyId: 'k2' }))
      .then([{ ...issuedEvent, data: { ...issuedEvent.data, keyId: 'k2' } }]);
  });

  it('every role but ADMIN needs an existing, active unit; ADMIN takes none', () => {
    given([])
      .when(issue({ unitId: null, unit: null }))
      .thenThrows(InvalidInput, 'TOKEN.UNIT_REQUIRED');
    given([])
      .when(issue({ unitId: 'nosuch', unit: null }))
      .thenThrows(NotFound, 'TOKEN.UNIT_NOT_FOUND');
    given([])
      .when(issue({ unit: { ...branchB1, active: false } }))
      .thenThrows(RuleViolation, 'TOKEN.UNIT_NOT_ACTIVE');
    given([])
      .when(issue({ role: 'ADMIN' }))
      .thenThrows(InvalidInput, 'TOKEN.ADMIN_HAS_NO_UNIT');
    given([])
      .when(issue({ role: 'ADMIN', unitId: null, unit: null }))
      .then([{ ...issuedEvent, data: { ...issuedEvent.data, role: 'ADMIN', unitId: null } }]);
  });

  it('an unknown role, and an expiry that is not in the future, are refused', () => {
    given([])
      .when(issue({ role: 'OWNER' }))
      .thenThrows(InvalidInput, 'INPUT.UNKNOWN_VALUE');
    given([])
      .when(issue({ expiresAt: '2020-01-01T00:00:00Z' }))
      .thenThrows(InvalidInput, 'TOKEN.EXPIRY_PAST');
    given([])
      .when(issue({ expiresAt: 'next week' }))
      .thenThrows(InvalidInput, 'TOKEN.BAD_EXPIRY');
  });
});

describe('revoking an API key', () => {
  it('revokes the key last issued under the name', () => {
    given([issued]).when(revoke()).then([revokedEvent]);
  });

  it('a name never issued, or already revoked, is refused', () => {
    given([]).when(revoke()).thenThrows(NotFound, 'TOKEN.NOT_FOUND');
    given([issued, revoked]).when(revoke()).thenThrows(RuleViolation, 'TOKEN.ALREADY_REVOKED');
  });
});
