import type { ApiKeyCommand } from '../../domain/access/apiKey.commands';
import type { ApiKeyState } from '../../domain/access/apiKey';
import type { Role } from '../../domain/access/role';
import { requireTokenName } from '../../domain/access/tokenName';
import { today, type Clock } from '../clock';
import type { CommandMetadata } from '../commands/commandHandler';
import type { CommandPath } from '../commands/commandPath';
import type { UnitStreamFacts } from '../units/unitStreamFacts';
import { newApiKey } from './apiKeySecret';

export interface IssueApiKeyInput {
  name: string;
  role: string;
  unitId: string | null;
  /** A date (end of that day, UTC) or an ISO-8601 instant; null for never. */
  expires: string | null;
}

export interface IssuedApiKey {
  /** Shown once to whoever issued it; only its hash is recorded. */
  key: string;
  keyId: string;
  name: string;
  role: Role;
  unitId: string | null;
  expiresAt: string | null;
  position: string;
}

/** Issuing and revoking API keys (`orgtrack tokens`, and the first start's admin key): both are events. */
export class ApiKeyCommands {
  constructor(
    private readonly apiKeys: CommandPath<ApiKeyCommand, ApiKeyState>,
    private readonly unitStreamFacts: UnitStreamFacts,
    private readonly clock: Clock,
  ) {}

  async issue(input: IssueApiKeyInput, metadata: CommandMetadata): Promise<IssuedApiKey> {
    const name = requireTokenName(input.name, 'name');
    const role = input.role.trim().toUpperCase();
    const secret = await newApiKey();
    const now = this.clock.now().toISOString();
    const on = today(this.clock);
    const expiresAt = input.expires === null ? null : endOfDayIfDate(input.expires);
    const result = await this.apiKeys.handle(
      name,
      async () => ({
        type: 'IssueApiKey' as const,
        keyId: secret.keyId,
        name,
        role,
        unitId: input.unitId,
        unit: await this.unitStreamFacts.onDate(input.unitId, on),
        expiresAt,
        secretHash: secret.secretHash,
        now,
        effectiveDate: on,
        today: on,
      }),
      { metadata },
    );
    return {
      key: secret.key,
      keyId: secret.keyId,
      name,
      // The decider refused any other role.
      role: role as Role,
      unitId: input.unitId,
      expiresAt: expiresAt === null ? null : new Date(expiresAt).toISOString(),
      position: result.position,
    };
  }

  async revoke(name: string, metadata: CommandMetadata): Promise<{ position: string }> {
    const normalized = requireTokenName(name, 'name');
    const on = today(this.clock);
    const result = await this.apiKeys.handle(
      normalized,
      { type: 'RevokeApiKey', name: normalized, now: this.clock.now().toISOString(), effectiveDate: on, today: on },
      { metadata },
    );
    return { position: result.position };
  }
}

/** `--expires 2027-01-31` means until the end of that day (UTC); an instant is taken as given. */
function endOfDayIfDate(expires: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(expires.trim()) ? `${expires.trim()}T23:59:59.999Z` : expires.trim();
}
