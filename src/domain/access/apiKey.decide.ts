import type { Decider } from '../decider';
import { assertNever } from '../shared/assertNever';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import { requireOneOf } from '../shared/validation';
import { evolve, initialApiKeyState, isLive, type ApiKeyState } from './apiKey';
import type { ApiKeyCommand, IssueApiKey, RevokeApiKey } from './apiKey.commands';
import type { ApiKeyEvent, ApiKeyIssued, ApiKeyRevoked } from './apiKey.events';
import { ROLES } from './role';
import { requireTokenName } from './tokenName';

export function issue(command: IssueApiKey, state: ApiKeyState): ApiKeyIssued {
  const name = requireTokenName(command.name, 'name');
  if (isLive(state.current, command.now)) {
    throw new Conflict('TOKEN.NAME_IN_USE', `name: a token named "${name}" is in use; revoke it first or choose another name`, 'name');
  }
  const role = requireOneOf(command.role, ROLES, 'role');
  const unitId = requireScope(command, role);
  const expiresAt = requireExpiry(command.expiresAt, command.now);
  return { type: 'ApiKeyIssued', data: { keyId: command.keyId, name, role, unitId, expiresAt, secretHash: command.secretHash } };
}

export function revoke(command: RevokeApiKey, state: ApiKeyState): ApiKeyRevoked {
  const name = requireTokenName(command.name, 'name');
  const key = state.current;
  if (key === null) throw new NotFound('TOKEN.NOT_FOUND', `name: no token named "${name}" was ever issued`, 'name');
  if (key.revoked) throw new RuleViolation('TOKEN.ALREADY_REVOKED', `name: the token named "${name}" is already revoked`, 'name');
  return { type: 'ApiKeyRevoked', data: { keyId: key.keyId, name } };
}

/** ADMIN reaches the whole organization; every other role one unit's subtree, which must exist. */
function requireScope(command: IssueApiKey, role: string): string | null {
  if (role === 'ADMIN') {
    if (command.unitId !== null) throw new InvalidInput('TOKEN.ADMIN_HAS_NO_UNIT', 'unit: an ADMIN token reaches the whole organization; give no unit', 'unit');
    return null;
  }
  if (command.unitId === null) throw new InvalidInput('TOKEN.UNIT_REQUIRED', `unit: a ${role} token needs the unit whose subtree it may reach`, 'unit');
  if (command.unit === null) throw new NotFound('TOKEN.UNIT_NOT_FOUND', `unit: no unit ${command.unitId} exists`, 'unit');
  if (!command.unit.active) throw new RuleViolation('TOKEN.UNIT_NOT_ACTIVE', `unit: unit ${command.unitId} ("${command.unit.name}") is not active`, 'unit');
  return command.unitId;
}

function requireExpiry(expiresAt: string | null, now: string): string | null {
  if (expiresAt === null) return null;
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) throw new InvalidInput('TOKEN.BAD_EXPIRY', `expires: "${expiresAt}" is not a date or an ISO-8601 instant`, 'expires');
  if (at <= Date.parse(now)) throw new InvalidInput('TOKEN.EXPIRY_PAST', `expires: ${expiresAt} is not in the future`, 'expires');
  return new Date(at).toISOString();
}

export function decide(command: ApiKeyCommand, state: ApiKeyState): ApiKeyEvent[] {
  switch (command.type) {
    case 'IssueApiKey':
      return [issue(command, state)];
    case 'RevokeApiKey':
      return [revoke(command, state)];
    default:
      return assertNever(command);
  }
}

export const apiKeyDecider: Decider<ApiKeyCommand, ApiKeyEvent, ApiKeyState> = { initialState: initialApiKeyState, evolve, decide };
